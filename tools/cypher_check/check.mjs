// Check Cypher statements with Neo4j's own Cypher 5 front-end (parser + semantic analysis),
// as shipped in @neo4j-cypher/language-support (the Neo4j VS Code extension's core).
//
// stdin:  [{"name": "...", "cypher": "...", "parameters": ["id", ...]}, ...]
// stdout: [{"name": "...", "errors": [...], "warnings": [...]}, ...]
//
// Each error or warning is {"message", "line", "column", "offset", "end"}: line and column
// 1-based, offset and end 0-based UTF-16 offsets into the statement. Functions and procedures
// are checked against the package's snapshot of a Neo4j server's Cypher 5 registry (names,
// argument counts, YIELD columns). `parameters`, when given, are the parameters sent with the
// statement: any other $name is an error; without it, parameters are not checked. There is
// no database schema, so unknown labels, types and properties are not reported. Warnings
// (deprecations, cartesian products, ...) never make a statement fail.
//
//   echo '[{"name": "x", "cypher": "MATCH (n RETURN n"}]' | node tools/cypher_check/check.mjs

import {
  isNotParamError,
  lintCypherQuery,
  parseStatementsStrs,
  testData,
} from '@neo4j-cypher/language-support';

const VERSION = 'CYPHER 5';
const ERROR = 1; // vscode DiagnosticSeverity.Error

const registry = testData.mockSchema;
const baseSchema = {
  defaultLanguage: VERSION,
  functions: { [VERSION]: registry.functions[VERSION] },
  procedures: { [VERSION]: registry.procedures[VERSION] },
};

function where(d) {
  return {
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    offset: d.offsets.start,
    end: d.offsets.end,
  };
}

function check({ name, cypher, parameters }) {
  const params = parameters ?? [];
  const schema = { ...baseSchema, parameters: Object.fromEntries(params.map((p) => [p, null])) };
  let { diagnostics } = lintCypherQuery(cypher, schema, { consoleCommandsEnabled: false });
  if (parameters === undefined) diagnostics = diagnostics.filter(isNotParamError);
  const errors = diagnostics.filter((d) => d.severity === ERROR).map(where);
  const warnings = diagnostics.filter((d) => d.severity !== ERROR).map(where);
  const statements = parseStatementsStrs(cypher).length;
  if (statements !== 1) {
    const message = statements ? `${statements} statements in one text` : 'empty statement';
    errors.push({ message, line: 1, column: 1, offset: 0, end: cypher.length });
  }
  return { name, errors, warnings };
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
process.stdout.write(JSON.stringify(input.map(check), null, 1) + '\n');
