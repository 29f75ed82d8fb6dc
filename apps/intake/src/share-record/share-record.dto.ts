/**
 * What an agency sends to share a record: its content (model/record-content.dto)
 * and the agency's own reference for it.
 */
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { RecordContentDto } from '../model/record-content.dto';

export class ShareRecordDto extends RecordContentDto {
  /** The agency's own reference, unique per agency; re-sharing it is safe. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  @Matches(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces' })
  externalRef!: string;
}
