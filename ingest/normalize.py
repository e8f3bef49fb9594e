"""Text normalization with exact offsets back to the raw text.

`normalize_text(raw)` turns decoded article text into the canonical form the extractor works
on, and keeps, for every output character, the index of the raw character it came from:

- Unicode cleanup: CRLF/CR -> LF, zero-width and control characters dropped, full-width
  letters/digits/symbols -> ASCII, compatibility and Kangxi-radical ideographs -> unified
  ideographs, odd spaces -> space, 「」『』 -> “”‘’;
- Latin-1/cp1252 mojibake of UTF-8 (``æ³\\x95é\\x99¢``) is repaired; garbled runs such as
  ``?xiàng)`` become U+FFFD; both are reported in the warnings;
- pinyin readings pasted after characters (``會議現(xiàn)場``, ``衔接(xián jiē)``) are removed: only
  parenthesised lower-case pinyin right after CJK characters, one tone-marked syllable, or up
  to six syllables (most tone-marked) reading as many characters before them;
- Traditional -> Simplified with OpenCC ``t2s`` (plus a few variant forms it leaves alone,
  e.g. 陜 -> 陕), aligned character by character;
- punctuation: ASCII ``, ; : ! ? ( ) "`` next to Chinese text become full-width (``，；：！？（）“”``),
  and a ``.`` between Chinese characters (or ending a Chinese line) becomes ``。``,
  so downstream code sees one form; digits and Latin letters are ASCII;
- whitespace: lines stripped, space runs collapsed, spaces next to Chinese punctuation dropped,
  hard-wrapped lines joined, blank lines removed (one paragraph per line), a paragraph break
  flattened into double spaces after 。 restored;
- doubled ``，，`` collapsed; Markdown bold carried over in a text (``**推行**``) loses its
  marks, but a case caption's starred-out names (``张**诉李**``) are no bold: their stars
  stay, and like other censor marks (＊ × ■ next to Chinese) become □.

Example:
    >>> text, offsets, warnings = normalize_text("會議現(xiàn)場,執行")
    >>> text
    '会议现场，执行'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

__all__ = [
    "CJK_CHARS",
    "CJK_PUNCT",
    "Tracked",
    "normalize_text",
    "normalize_tracked",
    "split_sentences",
    "starred_names",
    "summarize_notes",
]

# Ideographs: Ext A, URO, compatibility ideographs, Ext B-H (supplementary planes).
CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·"
_CJK = f"[{CJK_CHARS}]"
_CJKP = f"[{CJK_CHARS}{CJK_PUNCT}]"
_CJK_RE = re.compile(_CJK)
_CJKP_RE = re.compile(_CJKP)
_CJKP_AFTER = re.compile(f" *{_CJKP}")
_CJK_AFTER = re.compile(f" *{_CJK}")


def _cjk_before(text: str, s: int) -> bool:
    i = s - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and _CJK_RE.match(text, i) is not None


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_TONE_STRIP = str.maketrans(_TONED, "aaaaeeeeiiiioooouuuuüüüünnnm")
_PINYIN_LETTERS = f"a-zA-Zü{_TONED}"
_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|üan|ai|ei|ao|ou|an|en|er|ia|ie"
    r"|iu|in|ua|uo|ui|un|ün|üe|ue|a|o|e|i|u|ü)|m|n|ng"
)


def _is_toned_syllable(word: str) -> bool:
    """True for one pinyin syllable carrying a tone mark, e.g. 'xiàn', 'zhì'."""
    low = word.lower()
    if not any(c in _TONED for c in low):
        return False
    return _SYLLABLE.fullmatch(low.translate(_TONE_STRIP)) is not None


# --------------------------------------------------------------------------------------------
# Offset-tracking text


class Tracked:
    """A string plus, for each character, its index in the raw text; edited by regex steps.

    Length-preserving substitutions leave `offsets` untouched; other edits rebuild both lists
    from slices, so the cost is proportional to the number of matches, not of characters.
    """

    __slots__ = ("text", "offsets", "notes")

    def __init__(self, text: str, offsets: list[int] | None = None) -> None:
        self.text = text
        self.offsets = list(range(len(text))) if offsets is None else offsets
        self.notes: list[tuple[int, str, str]] = []  # (raw offset, kind, snippet)

    def sub(
        self,
        pattern: re.Pattern[str],
        repl: str | Callable[[re.Match[str]], str | tuple[str, list[int]] | None],
    ) -> int:
        """Replace matches; returns how many changed.

        `repl` gives the new text, optionally with the source index (relative to the match
        start) of each new character, or None to leave the match alone. Without indices a
        replacement of equal length maps one to one, otherwise every character maps to the
        match start (a deletion maps nothing).
        """
        text, offs = self.text, self.offsets
        parts: list[str] = []
        out: list[int] = []
        pos = 0
        n = 0
        rel: list[int] | None
        for m in pattern.finditer(text):
            r = repl if isinstance(repl, str) else repl(m)
            if r is None:
                continue
            s, e = m.span()
            if isinstance(r, tuple):
                new, rel = r
            else:
                new = r
                if len(new) == e - s:
                    if new == text[s:e]:
                        continue
                    rel = None
                else:
                    rel = [0] * len(new)
            parts.append(text[pos:s])
            parts.append(new)
            out += offs[pos:s]
            if rel is None:
                out += offs[s:e]
            else:
                out += [offs[s + k] for k in rel]
            pos = e
            n += 1
        if n:
            parts.append(text[pos:])
            out += offs[pos:]
            self.text = "".join(parts)
            self.offsets = out
        return n

    def same_length(self, new_text: str) -> None:
        """Install a character-for-character rewrite (offsets unchanged)."""
        if len(new_text) != len(self.text):  # pragma: no cover - a bug in a step
            raise AssertionError("length-preserving step changed the length")
        self.text = new_text

    def note(self, index: int, kind: str, snippet: str) -> None:
        raw = self.offsets[index] if 0 <= index < len(self.offsets) else -1
        self.notes.append((raw, kind, snippet))


# --------------------------------------------------------------------------------------------
# Character tables


_RADICAL_PAIRS = (  # radical, then its equivalent unified ideograph
    "⺀冫⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇几⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尢⺒巳⺓幺⺔彑⺕彐⺖忄⺗心"
    "⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪疋⺫罒⺬示⺭礻⺮竹"
    "⺯糸⺰纟⺶羊⺷羊⺸羊⺹耂⺺肀⺻聿⺼月⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇角⻈讠⻉贝"
    "⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻕阝⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣"
    "⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟"
)


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [
        (0xFF01, 0xFF5E),  # full-width ASCII
        (0xF900, 0xFAFF),  # CJK compatibility ideographs
        (0x2F800, 0x2FA1F),
        (0x2F00, 0x2FDF),  # Kangxi radicals (PDF text extraction)
        (0x2E80, 0x2EFF),  # CJK radicals supplement
        (0xFE10, 0xFE19),  # vertical forms
        (0xFE30, 0xFE4F),
        (0xFE50, 0xFE6B),  # small forms
        (0xFF5F, 0xFF65),  # half-width CJK punctuation
    ]
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            nf = unicodedata.normalize("NFKC", ch)
            if len(nf) == 1 and nf != ch:
                table[cp] = nf
    # Most of the CJK radicals supplement has no compatibility mapping, yet PDF text extraction
    # gives its simplified-form radicals for whole characters (⺠ for 民, ⻓ for 长, ⻨ for 麦):
    # each to the unified ideograph Unicode names as its equivalent
    # (EquivalentUnifiedIdeograph.txt; the unassigned and ambiguous ones left out).
    table.update(
        (ord(radical), ideograph)
        for radical, ideograph in zip(_RADICAL_PAIRS[::2], _RADICAL_PAIRS[1::2], strict=True)
    )
    # Chinese punctuation that is already full-width stays full-width (the canonical form).
    for ch in "，：；！？（）":
        table.pop(ord(ch), None)
    for ch in (
        "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u202f\u205f\t"
    ):
        table[ord(ch)] = " "
    # Line separators, corner brackets -> quotes, dots and dashes, small/vertical punctuation.
    src = "\x0b\x0c\u2028\u2029\x85「」『』﹁﹂﹃﹄・‧･⋯–−〜﹐﹑﹒﹔﹕﹖﹗﹙﹚︰︐︑︒︔︓︕︖｡､｢｣"
    dst = "\n\n\n\n\n“”‘’“”‘’···…--~，、.；：？！（）：，、。；：！？。、“”"
    table.update({ord(a): b for a, b in zip(src, dst, strict=True)})
    return table


_TABLE = _build_table()
# Variant forms OpenCC t2s leaves as they are (checked against opencc 1.4); applied after it.
_VARIANTS = str.maketrans("陜値衞擧塲槪彞囙俢", "陕值卫举场概彝因修")


def char_ranges(codes: Iterable[int]) -> str:
    """A regex character class of the code points, as ranges of consecutive ones (a class
    listing thousands of characters one by one is slow to scan)."""
    ordered = sorted(set(codes))
    ranges: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        first, last = re.escape(chr(ordered[i])), re.escape(chr(ordered[j]))
        ranges.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(ranges) + "]"


def _char_class(table: Mapping[int, str | int]) -> re.Pattern[str]:
    """Any character `table` rewrites."""
    return re.compile(char_ranges(table))


_TABLE_CHARS = _char_class(_TABLE)
_VARIANT_CHARS = _char_class(_VARIANTS)


def _translate(text: str, table: Mapping[int, str | int], chars: re.Pattern[str]) -> str:
    """text.translate(table), skipped when no character of the text is in the table (most
    texts: a scan is much cheaper than a translation)."""
    return text.translate(table) if chars.search(text) else text


@lru_cache(maxsize=1)
def _opencc() -> object:
    import opencc  # heavy C extension: load once, on first use

    return opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    conv = _opencc().convert  # type: ignore[attr-defined]
    out: str = conv(text)
    if len(out) == len(text):
        return out
    # A phrase rule changed the length somewhere: convert line by line, and character by
    # character where a line still does not align.
    lines = text.split("\n")
    fixed: list[str] = []
    for line in lines:
        c = conv(line)
        if len(c) != len(line):
            c = "".join(_t2s_char(ch) for ch in line)
        fixed.append(c)
    return "\n".join(fixed)


@lru_cache(maxsize=65536)
def _t2s_char(ch: str) -> str:
    c: str = _opencc().convert(ch)  # type: ignore[attr-defined]
    return c if len(c) == 1 else ch


#: the characters of `_damaged_places` (a test keeps the two in step): a text without any of
#: them needs no gazetteer
_PLACE_T2S_CHARS = re.compile("[乾塚於洩濛瀂礐篢藉酇鮀鮜鴜鷺]")


@lru_cache(maxsize=1)
def _damaged_places() -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, int], ...]]]:
    """The characters t2s rewrites inside real place names (乾县 -> 干县, 濛阳 -> 蒙阳, 於潜 ->
    于潜) and, for each, the names (from the gazetteer: divisions, aliases, towns) that hold
    it at which offset."""
    from ingest.gazetteer import load_gazetteer  # a data table: load on first use

    gaz = load_gazetteer()
    names = {d.name for d in gaz} | {d.short for d in gaz if d.short} | set(gaz.aliases)
    for towns in gaz.towns.values():
        names.update(towns)
    ordered = sorted(n for n in names if len(n) >= 2)
    converted = _t2s("\n".join(ordered)).split("\n")
    where: dict[str, list[tuple[str, int]]] = {}
    for name, conv in zip(ordered, converted, strict=True):
        if conv == name or len(conv) != len(name):
            continue
        for k, (a, b) in enumerate(zip(name, conv, strict=True)):
            if a != b:
                where.setdefault(a, []).append((name, k))
    chars = re.compile("[" + "".join(sorted(where)) + "]") if where else re.compile("(?!)")
    return chars, {c: tuple(v) for c, v in where.items()}


#: what makes a written name a place: its own administrative suffix (乾县, 乾安县) or one
#: right after it (乾安县, 藉口镇, 乾西法庭); two characters alone are often an ordinary word
#: (饼乾安全, 藉口 = 借口)
_PLACE_SUFFIX = re.compile(r"县|市|区|镇|乡|街道|旗|村|社区|人民法院|人民法庭|法院|法庭")
_PLACE_END = frozenset("县市区镇乡旗")


def _is_place_at(out: str, name: str, at: int) -> bool:
    """Whether ``name`` written at ``at`` is a place: it ends in an administrative unit or
    one follows it."""
    if name[-1] in _PLACE_END and len(name) >= 2:
        return True
    return _PLACE_SUFFIX.match(out, at + len(name)) is not None


def _keep_places(src: str, out: str) -> str:
    """``out`` (t2s of ``src``, same length) with place names t2s damaged put back: a
    character is restored where the name it belongs to is written as a place (陕西省乾县 stays
    乾县, 乾安縣 乾安县; 乾淨 still becomes 干净, 餅乾安全 饼干安全)."""
    if out == src or not _PLACE_T2S_CHARS.search(src):
        return out
    chars, where = _damaged_places()
    spots = [m.start() for m in chars.finditer(src) if out[m.start()] != src[m.start()]]
    if not spots:
        return out
    view = list(out)
    for p in spots:
        view[p] = src[p]
    joined = "".join(view)
    keep = [
        p
        for p in spots
        if any(
            joined.startswith(name, p - k) and _is_place_at(out, name, p - k)
            for name, k in where[src[p]]
            if p - k >= 0
        )
    ]
    if not keep:
        return out
    fixed = list(out)
    for p in keep:
        fixed[p] = src[p]
    return "".join(fixed)


# --------------------------------------------------------------------------------------------
# Patterns

_CRLF = re.compile(r"\r\n?")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b-\u200d\u2060\ufeff\u00ad]+")


def _cp1252_cont() -> str:
    chars = []
    for b in range(0x80, 0xC0):
        chars.append(chr(b))
        try:
            c = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        if c != chr(b):
            chars.append(c)
    return "".join(sorted(set(chars)))


_CONT = "[" + re.escape(_cp1252_cont()) + "]"
_MOJI_SEQ = re.compile(
    f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}"
)
_LATIN_MOJIBAKE = re.compile(f"(?:{_MOJI_SEQ.pattern})+")
_LATIN_LEAD = re.compile(f"[\u00c2-\u00f4]{_CONT}")

# (after the characters or the quote closing them: 「一站式」（yī zhàn shì）)
_QUOTE_CLOSE = "」』”’"
_PINYIN_GLOSS = re.compile(
    f"(?=[(（])(?<=[{CJK_CHARS}{_QUOTE_CLOSE}])[(（]"
    f"([{_PINYIN_LETTERS}]{{1,24}}(?: [{_PINYIN_LETTERS}]{{1,24}}){{0,9}})[)）]"
)
# '?' standing for a lost character, followed by the remains of a pinyin gloss: ?xiàng) ?fàn)I;
# a replacement character only with the gloss's closing parenthesis (a U+FFFD this pass leaves
# before letters, as in ?n)à, is not garbled again: normalising twice changes nothing)
_GARBLED = re.compile(
    f"(?:(?:\\?[{_PINYIN_LETTERS}]{{1,7}}\\)?|\ufffd[{_PINYIN_LETTERS}]{{1,7}}\\))"
    f"[A-Za-z]{{0,2}}[\u3100-\u312f]?)+"
)
_REPLACEMENT_RUN = re.compile("\ufffd{2,}")
_PUA = re.compile("[\ue000-\uf8ff]")
_BOPOMOFO = re.compile("[\u3100-\u312f\u31a0-\u31bf]")
_MOJI_MARKERS = re.compile("锟斤拷|烫烫烫|屯屯屯|銆[傘]|鈥[溿滄]|锛[屽氬]|[鍙鏃鐨勬]{2}")

_ASCII_PUNCT_TABLE = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？"})
_PUNCT_RUN = re.compile(r"[,;:!?]+")
_PAREN_PAIR = re.compile(r"\(([^()\n]*)\)")
_PAREN_ANY = re.compile(r"[()]")
_CENSOR = re.compile(r"[□■＊*×]+")
# Markdown bold on one line (**推行**): exactly two marks on each side, hugging a word that
# does not start or end with a space or a mark of punctuation (张**、李** is censoring)
_BOLD = re.compile(
    r"(?<![□■＊*×])\*\*(?=[^\s*，、。；：！？])([^*\n]+?)(?<=[^\s*，、。；：！？])\*\*(?![□■＊*×])"
)
#: what stands between two starred-out names of a case caption (张**诉李**, 王**与被告赵**,
#: 李**、刘**): a party is joined by a word or a mark, then the next surname
_CAPTION_LINK = re.compile(
    r"(?:诉|与|和|及|同|跟|、|，|,)(?:被告|原告|第三人|被申请人|申请人|被上诉人|上诉人|被执行人"
    r"|申请执行人|被申诉人|申诉人)?(?P<surname>[\u4e00-\u9fff]{1,2})"
)


def starred_names(text: str, start: int, inner: str) -> bool:
    """Whether the ``**inner**`` at text[start:] is a censored case caption, not Markdown bold:
    a surname right before the first stars and `inner` a link word and the next surname
    (张**诉李**: ``诉李`` is no bold word, the stars hide 张's and 李's given names).
    Traditional text is read in simplified (張**訴李**)."""
    from ingest.people import COMPOUND_SURNAMES, SURNAMES  # the surname table lives there

    if start == 0 or len(inner) > 12:
        return False
    plain = _t2s(text[max(0, start - 2) : start] + inner) if not inner.isascii() else ""
    before, inner_s = plain[: -len(inner)], plain[-len(inner) :]
    if not before or not (before[-1] in SURNAMES or before[-2:] in COMPOUND_SURNAMES):
        return False
    m = _CAPTION_LINK.fullmatch(inner_s)
    if m is None:
        return False
    surname = m.group("surname")
    if not (surname in COMPOUND_SURNAMES or (len(surname) == 1 and surname in SURNAMES)):
        return False
    if inner_s[0] == "诉" or m.group(0) != inner_s[0] + surname:
        return True  # 张**诉李**, 王**与被告赵**: a caption's words
    # 促成双方**和解**: a link word and a surname that are a word of their own are bold unless
    # the caption goes on (…**民间借贷纠纷一案) or a party's label stands before it (原告王**)
    after = text[start + 4 + len(inner) : start + 10 + len(inner)]
    party = _PARTY_BEFORE.search(_t2s(text[max(0, start - 8) : start]))
    if _CASE_AFTER.match(_t2s(after)) or party:
        return True
    from ingest.people import _COMMON_WORDS

    return inner_s not in _COMMON_WORDS and inner_s not in _LINK_WORDS


#: words a caption's link and a surname also make (及时, 同时): bold, not two starred names
_LINK_WORDS = frozenset(
    ["及时", "同时", "及其", "与会", "同步", "同意", "和谐", "跟进", "同事", "和平", "和顺"]
)
#: a case's words after a caption's last name (张**与李**民间借贷纠纷一案, …离婚案)
_CASE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:纠纷|一案|案件|案)")
#: a party's label before a caption's first name (原告王**与…)
_PARTY_BEFORE = re.compile(r"(?:原告|被告|申请人|上诉人|被执行人)[\u4e00-\u9fff]$")


_DOUBLED = re.compile(r"([，、；。])\1+")
# a half-width full stop between Chinese characters (or ending a Chinese line): 。
_CJK_STOP = re.compile(f"(?<={_CJK})\\.(?=[ ]?(?:{_CJK}|“)|[ ]*$)", re.M)
# ... but not the dot of an outline number (一.加强…, 第一.坚持…): that is a 、
_OUTLINE_DOT = re.compile("(?:^[ ]*|第)[一二三四五六七八九十百]{1,3}$", re.M)

_FLAT_PARA = re.compile(r"(?=[ ])(?<=[。！？；!?”])[ ]{2,}(?=\S)")
_WS = re.compile(r"(?=[ \n])(?:[ ]*\n[ \n]*|\A[ ]+|[ ]+\Z|[ ]{2,})")
_SPACE_NEAR_PUNCT = re.compile(f"(?=[ ])(?:[ ]+(?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}])[ ]+)")

_TERMINAL = set("。！？；：!?;:…”’）)】》」』.")
_LIST_START = re.compile(r"[（(]?[一二三四五六七八九十\d]+[)）、.．]|[•·●■◆▲\-*#>]")


def _width(line: str) -> int:
    """Display width, counting every non-ASCII character as double width (close enough)."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


# --------------------------------------------------------------------------------------------
# Steps


def _repair_latin1(t: Tracked) -> None:
    def fix(m: re.Match[str]) -> tuple[str, list[int]] | None:
        run = m.group(0)
        out: list[str] = []
        rel: list[int] = []
        for sm in _MOJI_SEQ.finditer(run):
            seq = sm.group(0)
            raw = b"".join(
                c.encode("cp1252")
                if c not in "\x81\x8d\x8f\x90\x9d" and ord(c) > 0x7F and _encodable_cp1252(c)
                else c.encode("latin-1")
                for c in seq
            )
            try:
                ch = raw.decode("utf-8")
            except UnicodeDecodeError:
                return None
            out.append(ch)
            rel.append(sm.start())
        if not any("\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" for c in out):
            return None  # 'Ã©', '×“' may be real text: repair only what yields Chinese
        t.note(m.start(), "latin1", run[:12])
        return "".join(out), rel

    t.sub(_LATIN_MOJIBAKE, fix)


@lru_cache(maxsize=512)
def _encodable_cp1252(c: str) -> bool:
    try:
        c.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _is_reading(words: list[str], text: str, end: int) -> bool:
    """Lower-case pinyin syllables, most with a tone mark, no more than the CJK characters
    right before `end` that they read (衔接(xián jiē), 茅草街(máo cǎo jiē)); a capitalised
    romanisation (枫桥(Fēngqiáo)) or a word of another language is no reading."""
    if any(not w.islower() for w in words):
        return False
    toned = sum(_is_toned_syllable(w) for w in words)
    syllables = all(_SYLLABLE.fullmatch(w.translate(_TONE_STRIP)) for w in words)
    if not syllables or 2 * toned < len(words) or toned == 0:
        return False
    i = end - 1
    while i >= 0 and end - i <= len(words) and _CJK_RE.match(text, i):
        i -= 1
    return end - 1 - i >= len(words)


def _reads_characters_before(words: list[str], text: str, end: int) -> bool:
    """True when the words, written together, are the pinyin of the CJK characters right
    before `end`, one reading per character, with or without tone marks or capitals: a place's
    or a court's romanisation (甘谷县（Gāngǔ Xiàn）, 大像山人民法庭（Daxiangshan Renmin Fating）).
    Readings come from pypinyin's dictionary, polyphonic characters with all of theirs; a
    gloss that reads other characters (拼音（Fēngqiáo）) or a word of English is no reading."""
    letters = "".join(words).lower().translate(_TONE_STRIP).replace("ü", "v")
    if not letters.isascii() or not letters.isalpha():
        return False
    start = end
    while start > 0 and end - start < len(letters) and _CJK_RE.match(text, start - 1):
        start -= 1
    if start == end:
        return False
    from pypinyin import Style, pinyin  # only when a romanisation follows characters

    readings = [  # each character on its own: every reading it has
        {r.replace("ü", "v") for r in options}
        for options in pinyin(list(text[start:end]), style=Style.NORMAL, heteronym=True)
    ]
    return any(_spells(letters, readings[i:]) for i in range(len(readings)))


def _spells(letters: str, readings: list[set[str]]) -> bool:
    """Whether `letters` is one reading of each character in turn, nothing left over."""
    if not readings:
        return not letters
    return any(
        letters.startswith(r) and _spells(letters[len(r) :], readings[1:]) for r in readings[0]
    )


def _remove_pinyin(t: Tracked) -> int:
    def drop(m: re.Match[str]) -> str | None:
        words = m.group(1).split(" ")
        end = m.start()
        if t.text[end - 1] in _QUOTE_CLOSE:  # the characters it reads end before the quote
            end -= 1
            if not end or not _CJK_RE.match(t.text, end - 1):
                return None
        if len(words) == 1 and len(words[0]) <= 6 and _is_toned_syllable(words[0]):
            return ""
        if len(words) > 1 and _is_reading(words, t.text, end):
            return ""
        return "" if _reads_characters_before(words, t.text, end) else None

    return t.sub(_PINYIN_GLOSS, drop)


def _mark_garbled(t: Tracked) -> None:
    if _PUA.search(t.text):
        for m in _PUA.finditer(t.text):
            t.note(m.start(), "pua", t.text[max(0, m.start() - 4) : m.end() + 4])
        t.same_length(_PUA.sub("\ufffd", t.text))
    text = t.text

    def garble(m: re.Match[str]) -> tuple[str, list[int]] | None:
        run = m.group(0)
        # Needs a tone mark or a stray ')' to be a pinyin remnant (not 'http://x?id=7').
        if not (any(c in _TONED for c in run) or ")" in run):
            return None
        s = m.start()
        if s > 0 and text[s - 1].isascii() and text[s - 1].isalnum():
            return None
        t.note(s, "garbled", text[max(0, s - 4) : m.end() + 4])
        return "\ufffd", [0]

    t.sub(_GARBLED, garble)
    if "\ufffd" in t.text:
        garbled = {raw for raw, kind, _ in t.notes if kind == "garbled"}
        for m in re.finditer("\ufffd+", t.text):
            if t.offsets[m.start()] not in garbled:
                t.note(m.start(), "replacement", t.text[max(0, m.start() - 4) : m.end() + 4])
        t.sub(_REPLACEMENT_RUN, lambda m: ("\ufffd", [0]))
    for m in _BOPOMOFO.finditer(t.text):
        t.note(m.start(), "bopomofo", t.text[max(0, m.start() - 4) : m.end() + 4])
    for m in _MOJI_MARKERS.finditer(t.text):
        t.note(m.start(), "gbk", t.text[max(0, m.start() - 4) : m.end() + 4])


def _punctuation(t: Tracked) -> None:
    if "." in t.text:  # 工作情况.该院… is two sentences

        def stop(m: re.Match[str]) -> str:
            line_start = t.text.rfind("\n", 0, m.start()) + 1
            outline = _OUTLINE_DOT.search(t.text, max(line_start, m.start() - 5), m.start())
            return "、" if outline else "。"

        t.same_length(_CJK_STOP.sub(stop, t.text))
    # Each conversion can give a neighbour its Chinese context (“ before :, ， before (),
    # so repeat until nothing changes; the second round is usually a no-op, but a run of
    # spaced marks (? ? ? ?壮美) converts one mark per round from the Chinese side.
    for _ in range(32):
        before = t.text
        _punctuation_round(t)
        if t.text == before:
            break
    t.sub(_DOUBLED, lambda m: (m.group(1), [0]))


def _ctx_before(text: str, s: int) -> bool:
    """Is the character before `s` (spaces skipped) Chinese text or punctuation?"""
    i = s - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and _CJKP_RE.match(text, i) is not None


def _punctuation_round(t: Tracked) -> None:
    text = t.text
    if "(" in text or ")" in text:

        def pair(m: re.Match[str]) -> str:
            s, e = m.span()
            inner = m.group(1)
            if _CJKP_RE.search(inner) or _ctx_before(cur, s) or _CJKP_AFTER.match(cur, e):
                return f"（{inner}）"
            return f"\x00{inner}\x01"  # an ASCII pair: hidden from the next rounds

        cur = text
        for _ in range(4):  # innermost pairs first
            new = _PAREN_PAIR.sub(pair, cur)
            if new == cur:
                break
            cur = new
        text = cur.replace("\x00", "(").replace("\x01", ")")

        def lone(m: re.Match[str]) -> str:
            s = m.start()
            if m.group(0) == "(":
                ok = _ctx_before(text, s) or _CJK_AFTER.match(text, s + 1) is not None
                return "（" if ok else "("
            ok = _cjk_before(text, s) or _CJKP_AFTER.match(text, s + 1) is not None
            return "）" if ok else ")"

        if "(" in text or ")" in text:
            text = _PAREN_ANY.sub(lone, text)
    if any(c in text for c in ",;:!?"):

        def punct(m: re.Match[str]) -> str:
            s, e = m.span()
            if _ctx_before(text, s) or _CJKP_AFTER.match(text, e):
                return m.group(0).translate(_ASCII_PUNCT_TABLE)
            return m.group(0)

        text = _PUNCT_RUN.sub(punct, text)
    if '"' in text:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if '"' in line and _CJKP_RE.search(line):
                pieces = line.split('"')
                out = [pieces[0]]
                for k, piece in enumerate(pieces[1:]):
                    out.append("“" if k % 2 == 0 else "”")
                    out.append(piece)
                lines[i] = "".join(out)
        text = "\n".join(lines)
    if any(c in text for c in "■＊*×"):

        def censor(m: re.Match[str]) -> str:
            s, e = m.span()
            before = text[s - 1] if s > 0 else ""
            after = text[e] if e < len(text) else ""
            if before.isdigit() or after.isdigit():
                return m.group(0)
            if re.match(_CJK, before or " ") or re.match(_CJK, after or " "):
                return "□" * (e - s)
            return m.group(0)

        text = _CENSOR.sub(censor, text)
    t.same_length(text)


def _wrap_width(lines: list[str], widths: list[int]) -> int:
    """The column a hard-wrapped text breaks at, or 0 when the text is not hard-wrapped.

    Hard-wrapped text has several distinct lines that stop mid-sentence at about the same
    width, and hardly any line is wider than that.
    """
    open_lines = {
        x: w for x, w in zip(lines, widths, strict=True) if w >= 20 and x[-1] not in _TERMINAL
    }
    if len(open_lines) < 3:
        return 0
    buckets: dict[int, int] = {}
    for w in open_lines.values():
        buckets[w // 4] = buckets.get(w // 4, 0) + 1
    best, count = max(buckets.items(), key=lambda kv: (kv[1], kv[0]))
    if count < 3 or count < 0.3 * len(open_lines):
        return 0
    wrap = best * 4
    filled = [w for w in widths if w]
    wider = sum(1 for w in filled if w > wrap + 6)
    if wider > 0.1 * len(filled):
        return 0
    return wrap


_BREAK = re.compile(r"[ ]*\n[ \n]*")


def _join_wrapped(t: Tracked) -> int:
    """Delete line breaks that split a sentence (hard-wrapped text, PDF extraction).

    A gap between two lines (blank lines included: a PDF page break) is removed when the
    line before it ends with ， or 、, or when the text is hard-wrapped and the line reaches
    the wrap width without ending its sentence.
    """
    text = t.text
    if "\n" not in text:
        return 0
    gaps = [m.span() for m in _BREAK.finditer(text)]
    bounds = []  # the line before each gap
    prev = 0
    for s, e in gaps:
        bounds.append((prev, s))
        prev = e
    lines = [text[a:b].strip(" ") for a, b in bounds] + [text[prev:].strip(" ")]
    widths = [_width(x) for x in lines]
    wrap = _wrap_width(lines, widths)
    joins: dict[int, str] = {}  # gap start -> what replaces the gap
    for i, (s, _e) in enumerate(gaps):
        cur, nxt = lines[i], lines[i + 1]
        if not cur or not nxt or cur[-1] in _TERMINAL or _LIST_START.match(nxt):
            continue
        last, first = cur[-1], nxt[0]
        if last in "，、" and (_CJK_RE.match(first) or first.isalnum()):
            joins[s] = ""
        elif wrap and widths[i] >= wrap - 2:
            if last.isascii() and last.isalpha() and first.isascii() and first.isalpha():
                joins[s] = " "
            elif (_CJK_RE.match(last) or last.isalnum()) and (
                _CJKP_RE.match(first) or first.isalnum()
            ):
                joins[s] = ""
    if not joins:
        return 0
    return t.sub(_BREAK, lambda m: joins.get(m.start()))


def _whitespace(t: Tracked) -> int:
    """Spaces and line breaks; returns how many wrapped lines were joined."""
    t.sub(_FLAT_PARA, lambda m: ("\n", [0]))
    joined = _join_wrapped(t)
    text = t.text
    end = len(text)

    def ws(m: re.Match[str]) -> str | tuple[str, list[int]]:
        g = m.group(0)
        if m.start() == 0 or m.end() == end:
            return ""
        if "\n" in g:
            return "\n", [g.index("\n")]
        return " ", [0]

    t.sub(_WS, ws)
    t.sub(_SPACE_NEAR_PUNCT, "")
    return joined


_NOTE_TEXT = {
    "latin1": "repaired Latin-1/cp1252 mojibake of UTF-8",
    "garbled": "mojibake: garbled run(s) replaced by U+FFFD",
    "replacement": "mojibake: replacement characters (U+FFFD) in the text",
    "pua": "mojibake: private-use characters replaced by U+FFFD",
    "bopomofo": "possible mojibake: bopomofo letters inside Chinese text",
    "gbk": "possible mojibake: UTF-8 text decoded as GBK",
}


def summarize_notes(notes: list[tuple[int, str, str]]) -> list[str]:
    """One warning per kind of problem: count and the first example."""
    seen: dict[str, list[str]] = {}
    for _, kind, snippet in notes:
        seen.setdefault(kind, []).append(snippet)
    out = []
    for kind, snippets in seen.items():
        example = snippets[0].replace("\n", " ")
        out.append(f"{_NOTE_TEXT.get(kind, kind)}: {len(snippets)} place(s), e.g. {example!r}")
    return out


def normalize_tracked(raw: str) -> Tracked:
    """`normalize_text` keeping the per-problem notes (with raw offsets) for the reader."""
    t = Tracked(raw)
    if not raw:
        return t
    if "\r" in raw:
        t.sub(_CRLF, lambda m: ("\n", [len(m.group(0)) - 1]))
    if _SURROGATE.search(t.text):
        t.same_length(_SURROGATE.sub("\ufffd", t.text))
    if _LATIN_LEAD.search(t.text):
        _repair_latin1(t)
    t.sub(_CONTROL, "")
    t.same_length(_translate(t.text, _TABLE, _TABLE_CHARS))
    if "**" in t.text:  # before the censor marks take them for □□ (_punctuation)
        t.sub(
            _BOLD,
            lambda m: (
                None
                if starred_names(m.string, m.start(), m.group(1))
                else (m.group(1), list(range(2, 2 + len(m.group(1)))))
            ),
        )
    if "(" in t.text or "（" in t.text:
        _remove_pinyin(t)
    if not t.text.isascii():
        _mark_garbled(t)
        converted = _keep_places(t.text, _t2s(t.text))
        t.same_length(_translate(converted, _VARIANTS, _VARIANT_CHARS))
    _punctuation(t)
    if _whitespace(t):
        # Joined lines give punctuation new neighbours: settle it again.
        _punctuation(t)
        t.sub(_SPACE_NEAR_PUNCT, "")
    t.sub(_DOUBLED, lambda m: (m.group(1), [0]))  # spaces between them are gone now
    if "(" in t.text or "（" in t.text:
        # a gloss the spaces hid (判( à) → 判（à）) is one now: remove it, so that
        # normalising the result again changes nothing
        _remove_pinyin(t)
    return t


def normalize_text(raw: str) -> tuple[str, list[int], list[str]]:
    """Normalize decoded text; returns (text, offsets into `raw`, warnings).

    `raw[offsets[i]]` is the character that `text[i]` was made from; offsets increase.

    Example:
        >>> normalize_text("寧陜縣法院 (2020年) 工作")[0]
        '宁陕县法院（2020年）工作'
    """
    t = normalize_tracked(raw)
    return t.text, t.offsets, summarize_notes(t.notes)


# --------------------------------------------------------------------------------------------
# Sentences

_SENT_END = set("。！？；!?")
_OPEN_Q = set("“‘《（【")
_CLOSE_Q = {"”": "“", "’": "‘", "》": "《", "）": "（", "】": "【"}
_CLOSERS = set("”’）】》」』\"'")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of normalized text.

    Splits after 。！？； (with any closing quotes that follow) and at line breaks; no split
    inside “…” unless the quote is left open to the end of the line.

    Example:
        >>> t = "他说：“好。”我们走。\\n第二段"
        >>> [t[a:b] for a, b in split_sentences(t)]
        ['他说：“好。”', '我们走。', '第二段']
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    line_start = 0
    while line_start <= n:
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = n
        _split_line(text, line_start, line_end, spans)
        line_start = line_end + 1
    return spans


_SPECIAL = re.compile("[。！？；!?“‘《（【”’》）】」』\"']")


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    # Only quotes, brackets and terminators matter: visit just those characters.
    stack: list[str] = []
    s = start
    skip_to = start
    for m in _SPECIAL.finditer(text, start, end):
        i = m.start()
        if i < skip_to:
            continue
        ch = text[i]
        if ch in _OPEN_Q:
            stack.append(ch)
        elif ch in _CLOSE_Q:
            if _CLOSE_Q[ch] in stack:
                while stack and stack.pop() != _CLOSE_Q[ch]:
                    pass
        elif ch in _SENT_END and not stack:
            j = _closers_end(text, i + 1, end, stack)
            _add_span(text, s, j, spans)
            s = skip_to = j
        elif ch in _SENT_END and i + 1 < end and text[i + 1] in _CLOSERS:
            # 。” closes a quoted sentence: end here once the quote closes.
            j = _closers_end(text, i + 1, end, stack)
            if not stack:
                _add_span(text, s, j, spans)
                s = j
            skip_to = j
    if stack and s < end:
        # An unbalanced quote: plain splitting for the rest of the line.
        for m in _SPECIAL.finditer(text, s, end):
            i = m.start()
            if i < s or text[i] not in _SENT_END:
                continue
            j = i + 1
            while j < end and (text[j] in _SENT_END or text[j] in _CLOSERS):
                j += 1
            _add_span(text, s, j, spans)
            s = j
    _add_span(text, s, end, spans)


def _closers_end(text: str, j: int, end: int, stack: list[str]) -> int:
    """Past the terminators and closing quotes that follow a terminator (pops the quotes)."""
    while j < end and (text[j] in _SENT_END or text[j] in _CLOSERS):
        ch = text[j]
        if ch in _CLOSE_Q and _CLOSE_Q[ch] in stack:
            while stack and stack.pop() != _CLOSE_Q[ch]:
                pass
        j += 1
    return j


def _add_span(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
