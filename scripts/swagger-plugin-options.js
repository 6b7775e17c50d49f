// The @nestjs/swagger compiler plugin as this project runs it, shared by the build
// (scripts/build.js) and Jest (scripts/jest-swagger-transformer.js).
const ts = require('typescript');
const { before } = require('@nestjs/swagger/plugin');

const SWAGGER_PLUGIN_OPTIONS = {
  // Route summaries and descriptions, and field descriptions, from JSDoc.
  introspectComments: true,
  classValidatorShim: true,
};

// Files whose classes describe bodies, queries and responses. Controllers count too: many a
// route's body class stands beside its route, and without the plugin reading its field types a
// `number[]` is documented as `string[]`.
const MODEL_FILES = ['.dto.ts', '.view.ts', '.projection.ts', '.queries.ts', '.controller.ts'];
const NONE = ['.no-such-file-suffix.ts'];

/**
 * Two passes, because the plugin treats a file either as models or as controllers: first the
 * classes' fields in every model file (controllers included), then the routes of controllers.
 */
function swaggerTransformers(program) {
  return [
    before(
      { ...SWAGGER_PLUGIN_OPTIONS, dtoFileNameSuffix: MODEL_FILES, controllerFileNameSuffix: NONE },
      program,
    ),
    before(
      { ...SWAGGER_PLUGIN_OPTIONS, dtoFileNameSuffix: NONE, controllerFileNameSuffix: ['.controller.ts'] },
      program,
    ),
    () => oneOpenapiImport,
  ];
}

/** Each pass imports @nestjs/swagger as `openapi`; a file both passes changed keeps one import. */
function oneOpenapiImport(sourceFile) {
  let seen = false;
  const statements = sourceFile.statements.filter((statement) => {
    const named =
      (ts.isImportEqualsDeclaration(statement) && statement.name.text === 'openapi') ||
      (ts.isImportDeclaration(statement) &&
        statement.importClause?.namedBindings &&
        ts.isNamespaceImport(statement.importClause.namedBindings) &&
        statement.importClause.namedBindings.name.text === 'openapi') ||
      (ts.isVariableStatement(statement) &&
        statement.declarationList.declarations.some(
          (d) => ts.isIdentifier(d.name) && d.name.text === 'openapi',
        ));
    if (!named) return true;
    if (seen) return false;
    seen = true;
    return true;
  });
  return statements.length === sourceFile.statements.length
    ? sourceFile
    : ts.factory.updateSourceFile(sourceFile, statements);
}

module.exports = { SWAGGER_PLUGIN_OPTIONS, MODEL_FILES, swaggerTransformers };
