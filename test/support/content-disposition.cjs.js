/**
 * Jest loads modules as CommonJS and cannot `require()` an ES module (Node 20 itself can, and
 * production loads the real one). The only ES-only package the API loads is content-disposition
 * 3, which @fastify/static requires for `reply.download()` (not used here). In tests its name
 * resolves to this file: Express's content-disposition 1 (CommonJS, the same header), under both
 * the old and the new export names.
 */
const { join } = require('node:path');

const v1 = require(join(__dirname, '..', '..', 'node_modules', 'content-disposition', 'index.js'));
module.exports = v1;
module.exports.create = v1;
module.exports.parse = v1.parse;
