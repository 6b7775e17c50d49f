// node scripts/response-schemas.js [--check]: writes apps/api/src/openapi/response-schemas.json,
// the JSON schema (OpenAPI 3.0) of what every route answers, read by the TypeScript type checker
// from its handler's declared return type. The @nestjs/swagger plugin describes classes only;
// this system's views are interfaces and type aliases (Page<DeadlineView>, GrantView = … & …),
// so their schemas are derived here, once, and the API merges them into /docs-json at start.
// Operations are keyed `<Controller>_<method>`, Nest's operationId. With --check, fails (exit 1)
// when the committed file is not what the code declares.
const { readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const ts = require('typescript');

const root = join(__dirname, '..');
const OUT = join(root, 'apps/api/src/openapi/response-schemas.json');
const HTTP_METHODS = new Set(['Get', 'Post', 'Put', 'Delete', 'Patch']);

function createProgram() {
  const configFile = join(root, 'tsconfig.build.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile);
  return ts.createProgram(parsed.fileNames, parsed.options);
}

function decoratorName(decorator) {
  const expr = decorator.expression;
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression)) return expr.expression.text;
  if (ts.isIdentifier(expr)) return expr.text;
  return undefined;
}

function generate() {
  const program = createProgram();
  const checker = program.getTypeChecker();
  const components = {};
  /** Declaration (file:pos) of each component name, to tell same-named types apart. */
  const owners = new Map();
  const F = ts.TypeFlags;

  const description = (symbol) =>
    symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() : '';

  function nameOf(type) {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol) return undefined;
    const base = symbol.getName();
    if (!/^[A-Z][A-Za-z0-9]*$/.test(base) || ['Array', 'Promise', 'Date', 'Object'].includes(base)) {
      return undefined;
    }
    const args = type.aliasSymbol ? type.aliasTypeArguments : type.typeArguments;
    const argNames = (args ?? []).map((a) => nameOf(a) ?? checker.typeToString(a).replace(/\W+/g, ''));
    const decl = symbol.declarations?.[0];
    if (!decl) return undefined;
    // Only this repository's types become components; a library's type is inlined.
    if (decl.getSourceFile().fileName.includes('node_modules')) return undefined;
    let name = [base, ...argNames].join('_');
    const owner = `${relative(root, decl.getSourceFile().fileName)}:${decl.pos}:${argNames.join(',')}`;
    for (let n = 2; owners.has(name) && owners.get(name) !== owner; n++)
      name = `${[base, ...argNames].join('_')}${n}`;
    owners.set(name, owner);
    return name;
  }

  function literalUnion(types) {
    if (types.every((t) => t.flags & F.StringLiteral))
      return { type: 'string', enum: types.map((t) => t.value) };
    if (types.every((t) => t.flags & F.NumberLiteral))
      return { type: 'number', enum: types.map((t) => t.value) };
    if (types.every((t) => t.flags & F.BooleanLiteral)) return { type: 'boolean' };
    return undefined;
  }

  function schemaOf(type, depth = 0) {
    if (depth > 25) return {};
    if (type.flags & (F.Any | F.Unknown)) return {};
    if (type.flags & F.String) return { type: 'string' };
    if (type.flags & F.Number) return { type: 'number' };
    if (type.flags & F.Boolean) return { type: 'boolean' };
    if (type.flags & F.StringLiteral) return { type: 'string', enum: [type.value] };
    if (type.flags & F.NumberLiteral) return { type: 'number', enum: [type.value] };
    if (type.flags & F.BooleanLiteral) return { type: 'boolean' };
    if (type.flags & F.Null) return { nullable: true };
    if (type.isUnion()) {
      let members = type.types.filter((t) => !(t.flags & (F.Undefined | F.Void)));
      const nullable = members.some((t) => t.flags & F.Null);
      members = members.filter((t) => !(t.flags & F.Null));
      // boolean is true | false to the checker
      if (members.length > 1 && members.every((t) => t.flags & F.BooleanLiteral))
        members = [checker.getBooleanType()];
      let schema = literalUnion(members);
      if (!schema) {
        const named = nameOf(type);
        if (named && depth > 0) return ref(named, type, depth, () => unionSchema(members, depth));
        schema = members.length === 1 ? schemaOf(members[0], depth + 1) : unionSchema(members, depth);
      }
      if (!nullable) return schema;
      return schema.$ref ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
    }
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const args = checker.getTypeArguments(type);
      const item = checker.isTupleType(type) ? args : [args[0]];
      return {
        type: 'array',
        items:
          item.length === 1
            ? schemaOf(item[0], depth + 1)
            : { oneOf: item.map((t) => schemaOf(t, depth + 1)) },
      };
    }
    const symbol = type.getSymbol();
    if (symbol?.getName() === 'Date') return { type: 'string', format: 'date-time' };
    if (type.flags & F.Object || type.isIntersection()) {
      const named = nameOf(type);
      if (named) return ref(named, type, depth, () => objectSchema(type, depth));
      return objectSchema(type, depth);
    }
    return {};
  }

  function unionSchema(members, depth) {
    // anyOf: a view of one record that differs by who asks need not exclude the other.
    return { anyOf: members.map((t) => schemaOf(t, depth + 1)) };
  }

  function ref(name, type, depth, build) {
    if (!components[name]) {
      components[name] = {}; // placeholder: a type that contains itself refers to its component
      components[name] = build();
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  function objectSchema(type, depth) {
    const properties = {};
    const required = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = decl ? checker.getTypeOfSymbolAtLocation(prop, decl) : checker.getTypeOfSymbol(prop);
      if (propType.getCallSignatures().length > 0) continue;
      if (decl && ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Static) continue;
      let schema = schemaOf(propType, depth + 1);
      const text = description(prop);
      if (text)
        schema = schema.$ref ? { allOf: [schema], description: text } : { ...schema, description: text };
      properties[prop.getName()] = schema;
      const optional = prop.flags & ts.SymbolFlags.Optional;
      if (!optional) required.push(prop.getName());
    }
    const schema = { type: 'object', properties };
    if (required.length > 0) schema.required = required;
    const index = checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & (F.String | F.Number));
    if (index) schema.additionalProperties = schemaOf(index.type, depth + 1);
    const text = description(type.aliasSymbol ?? type.getSymbol());
    if (text && depth >= 0) schema.description = text;
    return schema;
  }

  const operations = {};
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.endsWith('.controller.ts') || file.fileName.includes('node_modules')) continue;
    ts.forEachChild(file, function visit(node) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      if (!(ts.getDecorators(node) ?? []).some((d) => decoratorName(d) === 'Controller')) return;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !member.name) continue;
        if (!(ts.getDecorators(member) ?? []).some((d) => HTTP_METHODS.has(decoratorName(d)))) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        let returned = checker.getReturnTypeOfSignature(signature);
        if (returned.getSymbol()?.getName() === 'Promise') returned = checker.getTypeArguments(returned)[0];
        if (returned.flags & (F.Void | F.Undefined)) continue;
        if (['StreamableFile'].includes(returned.getSymbol()?.getName())) continue;
        operations[`${node.name.text}_${member.name.getText(file)}`] = schemaOf(returned);
      }
    });
  }
  const sorted = (o) =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );
  return `${JSON.stringify({ components: sorted(components), operations: sorted(operations) }, null, 2)}\n`;
}

const text = generate();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OUT, 'utf8');
  } catch {
    // Not written yet: the check fails below and says how to write it.
  }
  if (committed !== text) {
    process.stderr.write(
      `${relative(root, OUT)} is not what the routes' return types say: run "node scripts/response-schemas.js" and commit it.\n`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(OUT, text);
}
