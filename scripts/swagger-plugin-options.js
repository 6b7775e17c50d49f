// The @nestjs/swagger compiler plugin's options, shared by the build (scripts/build.js) and Jest.
module.exports.SWAGGER_PLUGIN_OPTIONS = {
  // Route summaries and descriptions, and field descriptions, from JSDoc.
  introspectComments: true,
  // Classes in these files describe bodies, queries and responses: the plugin reads their fields.
  dtoFileNameSuffix: ['.dto.ts', '.view.ts', '.projection.ts', '.queries.ts'],
  controllerFileNameSuffix: ['.controller.ts'],
  classValidatorShim: true,
};
