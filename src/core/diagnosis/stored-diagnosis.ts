// zod/mini: the same validation, tree-shaken. Only success or failure is read (a diagnosis that does
// not pass is not shown), so zod's English messages are not loaded for it.
import * as z from 'zod/mini';
import { REJECTION_CAUSES, STEP_METHODS } from './signin-refusal';
import { MAX_ARN_LENGTH, MAX_HOST_LENGTH, MAX_REGION_LENGTH, MAX_URL_LENGTH } from '../base/limits';
import { isUserMessage, type UserMessage } from '../words/user-message';

const Message = z.custom<UserMessage>((value) => isUserMessage(value));
/** AWS's words, or what failed on the way. */
const Said = z.union([z.string().check(z.maxLength(2000)), Message]);

/** A stored diagnosis as the diagnosis page may trust it. */
export const StoredDiagnosisSchema = z.object({
  diagnosis: z.object({
    cause: z.enum(REJECTION_CAUSES),
    title: Message,
    explanation: z.array(Message).check(z.maxLength(10)),
    adminRequest: z.array(Message).check(z.maxLength(40)),
    awsMessage: Said,
    steps: z.optional(
      z
        .array(
          z.object({
            method: z.enum(STEP_METHODS),
            host: z.string().check(z.maxLength(MAX_HOST_LENGTH)),
            said: Said,
          }),
        )
        .check(z.maxLength(20)),
    ),
  }),
  attempt: z.object({
    partition: z.string().check(z.maxLength(MAX_REGION_LENGTH)),
    region: z.string().check(z.maxLength(MAX_REGION_LENGTH)),
    targetUrl: z.string().check(z.maxLength(MAX_URL_LENGTH)),
    recipientUrl: z.string().check(z.maxLength(MAX_URL_LENGTH)),
    recipientRegion: z.string().check(z.maxLength(MAX_REGION_LENGTH)),
    roleArn: z.optional(z.string().check(z.maxLength(MAX_ARN_LENGTH))),
  }),
});
export type StoredDiagnosisView = z.infer<typeof StoredDiagnosisSchema>;
