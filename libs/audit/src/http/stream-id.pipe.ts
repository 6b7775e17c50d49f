import { Injectable, type PipeTransform } from '@nestjs/common';
import { assertValidStreamId } from '@app/eventsourcing';

/** A stream id from the path: the store's own rule (no system streams, no path tricks). */
@Injectable()
export class StreamIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    assertValidStreamId(value);
    return value;
  }
}
