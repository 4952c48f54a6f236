// zod/mini: the same validation, tree-shaken, with classic zod's English messages.
import * as z from 'zod/mini';

z.config(z.locales.en());

/** A stored diagnosis as the diagnosis page may trust it. */
export const StoredDiagnosisSchema = z.object({
  diagnosis: z.object({
    cause: z.enum([
      'audience', 'expired', 'role-trust', 'wrong-partition', 'session-name', 'signature', 'endpoint-failed',
      'sts-refused', 'sts-unreachable', 'federation-failed', 'unknown',
    ]),
    title: z.string().check(z.maxLength(300)),
    explanation: z.string().check(z.maxLength(2000)),
    adminRequest: z.string().check(z.maxLength(4000)),
    awsMessage: z.string().check(z.maxLength(2000)),
    steps: z.optional(
      z
        .array(
          z.object({
            method: z.enum(['repost', 'sts', 'federation']),
            host: z.string().check(z.maxLength(256)),
            said: z.string().check(z.maxLength(2000)),
          }),
        )
        .check(z.maxLength(20)),
    ),
  }),
  attempt: z.object({
    partition: z.string().check(z.maxLength(32)),
    region: z.string().check(z.maxLength(32)),
    targetUrl: z.string().check(z.maxLength(2048)),
    recipientUrl: z.string().check(z.maxLength(2048)),
    recipientRegion: z.string().check(z.maxLength(32)),
    roleArn: z.optional(z.string().check(z.maxLength(2048))),
  }),
});
export type StoredDiagnosisView = z.infer<typeof StoredDiagnosisSchema>;
