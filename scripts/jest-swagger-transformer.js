// The @nestjs/swagger plugin as a ts-jest AST transformer (ts-jest wants name, version, factory).
const { before } = require('@nestjs/swagger/plugin');
const { SWAGGER_PLUGIN_OPTIONS } = require('./swagger-plugin-options');

module.exports.name = 'nestjs-swagger-plugin';
// Bumped when the options change, so that Jest's cache of transformed files is dropped.
module.exports.version = `1-${JSON.stringify(SWAGGER_PLUGIN_OPTIONS).length}`;
module.exports.factory = (compiler) => before(SWAGGER_PLUGIN_OPTIONS, compiler.program);
