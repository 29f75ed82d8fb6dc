/**
 * Serves a service's OpenAPI document at `/docs/openapi.json` and Swagger UI
 * at `/docs`, from the swagger-ui-dist package: no CDN, so it works offline.
 * The document is built once, when mounted, from the app's controllers and
 * body schemas; anything it could not document faithfully is logged as a warning.
 */
import { INestApplication, Logger } from '@nestjs/common';
import express from 'express';
import { dirname } from 'node:path';
import { createOpenApiDocument, OpenApiDocument, OpenApiOptions } from './document';

export interface MountOpenApiOptions extends OpenApiOptions {
  /** Where the UI is served; the document is at `<path>/openapi.json`. Default `/docs`. */
  path?: string;
}

export function mountOpenApiDocs(app: INestApplication, options: MountOpenApiOptions): OpenApiDocument {
  const base = `/${(options.path ?? '/docs').replace(/^\/+|\/+$/g, '')}`;
  const { document, problems } = createOpenApiDocument(app, options);
  if (problems.length > 0)
    new Logger('OpenApi').warn(`the API documentation is incomplete:\n  ${problems.join('\n  ')}`);
  const json = JSON.stringify(document);
  const assets = dirname(require.resolve('swagger-ui-dist/package.json'));

  const router = express.Router();
  router.get('/openapi.json', (_request, response) => {
    response.type('application/json').send(json);
  });
  // The UI's settings, in a file of their own: no inline script, so a strict Content-Security-Policy can serve it.
  router.get('/swagger-initializer.js', (_request, response) => {
    response.type('application/javascript').send(initializer(`${base}/openapi.json`));
  });
  router.get(['/', '/index.html'], (_request, response) => {
    response.type('text/html').send(page(base, document.info.title));
  });
  router.use(express.static(assets, { index: false, fallthrough: true }));
  app.use(base, router);
  return document;
}

function page(base: string, title: string): string {
  const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escaped}</title>
<link rel="stylesheet" href="${base}/swagger-ui.css">
<link rel="stylesheet" href="${base}/index.css">
<link rel="icon" type="image/png" href="${base}/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${base}/swagger-ui-bundle.js" charset="utf-8"></script>
<script src="${base}/swagger-ui-standalone-preset.js" charset="utf-8"></script>
<script src="${base}/swagger-initializer.js" charset="utf-8"></script>
</body>
</html>
`;
}

function initializer(documentUrl: string): string {
  return `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(documentUrl)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  });
};
`;
}
