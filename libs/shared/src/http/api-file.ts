import { ApiOkResponse } from '@nestjs/swagger';

/**
 * A route that answers a file or text rather than JSON: its media type in the OpenAPI document
 * (CSV, XLSX, iCalendar, NDJSON, Prometheus text, later HTML and PDF), so that a generated client
 * reads it as text or bytes.
 */
export const ApiFile = (mediaType: string, description: string, options: { binary?: boolean } = {}) =>
  ApiOkResponse({
    description,
    content: { [mediaType]: { schema: { type: 'string', ...(options.binary ? { format: 'binary' } : {}) } } },
  });
