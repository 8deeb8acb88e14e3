import type * as t from 'io-ts';
import { idCodec } from '../shared/ids.js';

interface CaseIdBrand {
  readonly CaseId: unique symbol;
}
/** Identifies a support case; made outside the domain. */
export type CaseId = t.Branded<string, CaseIdBrand>;
/** Codec for {@link CaseId}. */
export const CaseIdCodec = idCodec<CaseIdBrand, 'CaseId'>('CaseId');

interface CustomerIdBrand {
  readonly CustomerId: unique symbol;
}
/** Identifies the customer's account (organisation) that a case belongs to. */
export type CustomerId = t.Branded<string, CustomerIdBrand>;
/** Codec for {@link CustomerId}. */
export const CustomerIdCodec = idCodec<CustomerIdBrand, 'CustomerId'>('CustomerId');

interface ProjectIdBrand {
  readonly ProjectId: unique symbol;
}
/** Identifies the customer's project that a technical case concerns. */
export type ProjectId = t.Branded<string, ProjectIdBrand>;
/** Codec for {@link ProjectId}. */
export const ProjectIdCodec = idCodec<ProjectIdBrand, 'ProjectId'>('ProjectId');

interface IncidentIdBrand {
  readonly IncidentId: unique symbol;
}
/** Identifies a platform incident published on the status page. */
export type IncidentId = t.Branded<string, IncidentIdBrand>;
/** Codec for {@link IncidentId}. */
export const IncidentIdCodec = idCodec<IncidentIdBrand, 'IncidentId'>('IncidentId');

interface TeamIdBrand {
  readonly TeamId: unique symbol;
}
/** Identifies a specialist team a case can be escalated to. */
export type TeamId = t.Branded<string, TeamIdBrand>;
/** Codec for {@link TeamId}. */
export const TeamIdCodec = idCodec<TeamIdBrand, 'TeamId'>('TeamId');

/** The event stream of one support case. */
export const supportCaseStream = (id: CaseId): `supportCase-${string}` => `supportCase-${id}`;
