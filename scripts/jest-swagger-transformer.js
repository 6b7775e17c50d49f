// The @nestjs/swagger plugin as a ts-jest AST transformer (ts-jest wants name, version, factory):
// the same passes as the build (scripts/swagger-plugin-options.js), composed into one.
const { MODEL_FILES, SWAGGER_PLUGIN_OPTIONS, swaggerTransformers } = require('./swagger-plugin-options');

module.exports.name = 'nestjs-swagger-plugin';
// Changes with the options, so that Jest's cache of transformed files is dropped.
module.exports.version = `4-${JSON.stringify({ SWAGGER_PLUGIN_OPTIONS, MODEL_FILES }).length}`;
module.exports.factory = (compiler) => {
  const passes = swaggerTransformers(compiler.program);
  return (context) => {
    const steps = passes.map((pass) => pass(context));
    return (sourceFile) => steps.reduce((file, step) => step(file), sourceFile);
  };
};
