"""What every command line of courtgraph shares when it runs as a program."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn


def run_main(main: Callable[[], int]) -> None:
    """Exit with `main()`'s status; output piped into `head` and the like ends quietly (the
    status a shell gives a program stopped by a closed pipe) instead of with a traceback."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error
        sys.exit(141)
    sys.exit(status)


#: how the `courtgraph` command named the running module's command line (None: `python -m …`)
_called_as: str | None = None


def prog(module_form: str) -> str:
    """The program name a command line shows in its usage and errors: `courtgraph query` when
    the `courtgraph` command runs it, else its `python -m …` form.

    >>> prog("python -m queries")
    'python -m queries'
    >>> with called_as("courtgraph query"):
    ...     prog("python -m queries"), prog("python -m queries extract")
    ('courtgraph query', 'courtgraph query extract')
    """
    if _called_as is None:
        return module_form
    head, _, rest = module_form.removeprefix("python -m ").partition(" ")
    return f"{_called_as} {rest}".strip()


@contextlib.contextmanager
def called_as(name: str) -> Iterator[None]:
    """Run a module's `main(argv)` as the `courtgraph` subcommand `name`."""
    global _called_as
    before, _called_as = _called_as, name
    try:
        yield
    finally:
        _called_as = before


#: argparse's own messages (Python 3.11's wording), in Chinese: a pattern matched whole, and
#: the Chinese text its groups go into; an argument's message is said in turn
_ARGPARSE_ZH: tuple[tuple[str, str], ...] = (
    (r"argument (?P<arg>.+?): (?P<inner>.*)", "参数 {arg}：{inner}"),
    (r"the following arguments are required: (?P<args>.*)", "缺少必需的参数：{args}"),
    (r"unrecognized arguments: (?P<args>.*)", "无法识别的参数：{args}"),
    (r"one of the arguments (?P<args>.*) is required", "参数 {args} 须给出其中一个"),
    (r"not allowed with argument (?P<arg>.*)", "不能与参数 {arg} 同时使用"),
    (r"ignored explicit argument (?P<value>.*)", "此参数不带值，多余的 {value} 未使用"),
    (r"expected one argument", "需要一个值"),
    (r"expected at most one argument", "最多一个值"),
    (r"expected at least one argument", "至少需要一个值"),
    (r"expected (?P<n>\d+) arguments?", "需要 {n} 个值"),
    (r"invalid int value: (?P<value>.*)", "不是整数：{value}"),
    (r"invalid float value: (?P<value>.*)", "不是数字：{value}"),
    (r"invalid (?P<type>\S+) value: (?P<value>.*)", "无效的 {type} 值：{value}"),
    (
        r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
        "无效的选择 {value}（可选：{choices}）",
    ),
    (
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
        "选项 {option} 有歧义，可能是 {matches}",
    ),
    (r"unexpected option string: (?P<option>.*)", "意外的选项：{option}"),
)
_ARGPARSE_PATTERNS = tuple((re.compile(en, re.DOTALL), zh) for en, zh in _ARGPARSE_ZH)


def argparse_message_zh(message: str) -> str:
    """An argparse error message in Chinese (one it does not know stays as it is).

    >>> argparse_message_zh("the following arguments are required: paths")
    '缺少必需的参数：paths'
    >>> argparse_message_zh("argument --limit: invalid int value: 'x'")
    "参数 --limit：不是整数：'x'"
    """
    for pattern, chinese in _ARGPARSE_PATTERNS:
        m = pattern.fullmatch(message)
        if m:
            parts = m.groupdict()
            if "inner" in parts:
                parts["inner"] = argparse_message_zh(parts["inner"])
            return chinese.format(**parts)
    return message


class _HelpFormatterZh(argparse.HelpFormatter):
    """argparse's help, with its usage line headed 用法：."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class _RawHelpFormatterZh(_HelpFormatterZh, argparse.RawDescriptionHelpFormatter):
    """`_HelpFormatterZh`, keeping the description's and the epilog's lines."""


class _SubParsersZh(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands whose own --help starts with the line the command's list gives them."""

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if kwargs.get("help") and "description" not in kwargs:
            kwargs["description"] = kwargs["help"]
        return super().add_parser(name, **kwargs)


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser with its own words in Chinese: 用法：, 位置参数, 选项, -h's 显示此帮助
    并退出, and its error messages (`argparse_message_zh`, after 错误：). Every command
    line of courtgraph uses it; its subcommands' parsers are of the same class.

    >>> p = ArgumentParser(prog="python -m demo", description="示例。")
    >>> _ = p.add_argument("path", help="文件")
    >>> print(p.format_help())  # doctest: +NORMALIZE_WHITESPACE
    用法：python -m demo [-h] path
    <BLANKLINE>
    示例。
    <BLANKLINE>
    位置参数：
      path        文件
    <BLANKLINE>
    选项：
      -h, --help  显示此帮助并退出
    <BLANKLINE>
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("formatter_class") is argparse.RawDescriptionHelpFormatter:
            kwargs["formatter_class"] = _RawHelpFormatterZh
        kwargs.setdefault("formatter_class", _HelpFormatterZh)
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _SubParsersZh)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        shown = self._option_string_actions.get("-h")
        if shown is not None and isinstance(shown, argparse._HelpAction):
            shown.help = "显示此帮助并退出"

    def format_help(self) -> str:
        text = super().format_help()
        for group in self._action_groups:  # its headings end in a Chinese colon
            if group.title:
                text = text.replace(f"\n{group.title}:\n", f"\n{group.title}：\n")
        return text

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{argparse_message_zh(message)}\n")
