import { z } from 'zod';

/** A stored diagnosis as the diagnosis page may trust it. */
export const StoredDiagnosisSchema = z.object({
  diagnosis: z.object({
    cause: z.enum(['audience', 'expired', 'role-trust', 'wrong-partition', 'session-name', 'signature', 'unknown']),
    title: z.string().max(300),
    explanation: z.string().max(2000),
    adminRequest: z.string().max(4000),
    awsMessage: z.string().max(2000),
  }),
  attempt: z.object({
    partition: z.string().max(32),
    region: z.string().max(32),
    targetUrl: z.string().max(2048),
    recipientUrl: z.string().max(2048),
    recipientRegion: z.string().max(32),
    roleArn: z.string().max(2048).optional(),
  }),
});
export type StoredDiagnosisView = z.infer<typeof StoredDiagnosisSchema>;
