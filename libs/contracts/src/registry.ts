import { createRegistry, type Registry } from '@bufbuild/protobuf';
import { file_crosscheck_alerting_v1_alerting } from './gen/crosscheck/alerting/v1/alerting_pb';
import { file_crosscheck_common_v1_common } from './gen/crosscheck/common/v1/common_pb';
import { file_crosscheck_identity_v1_identity } from './gen/crosscheck/identity/v1/identity_pb';
import { file_crosscheck_matching_v1_matching } from './gen/crosscheck/matching/v1/matching_pb';
import { file_crosscheck_messaging_v1_messaging } from './gen/crosscheck/messaging/v1/messaging_pb';
import { file_crosscheck_records_v1_records } from './gen/crosscheck/records/v1/records_pb';
import { file_crosscheck_reference_v1_reference } from './gen/crosscheck/reference/v1/reference_pb';
import { file_crosscheck_resolution_v1_resolution } from './gen/crosscheck/resolution/v1/resolution_pb';

/** Every generated crosscheck .proto file. Add new files here. */
export const contractFiles = [
  file_crosscheck_common_v1_common,
  file_crosscheck_records_v1_records,
  file_crosscheck_resolution_v1_resolution,
  file_crosscheck_reference_v1_reference,
  file_crosscheck_matching_v1_matching,
  file_crosscheck_alerting_v1_alerting,
  file_crosscheck_messaging_v1_messaging,
  file_crosscheck_identity_v1_identity,
] as const;

/** Registry of all crosscheck messages and enums (not their google.protobuf dependencies). */
export const contractsRegistry: Registry = createRegistry(...contractFiles);
