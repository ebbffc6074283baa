// The calls of social finance (/api/v1/finance), each answer read by its parser in finance.ts.

import { API_BASE, requestJson, withQuery } from './api';
import {
  parseAllocation,
  parseCatalogue,
  parseFundList,
  parseFundView,
  parseFunderList,
  parseFunderMatch,
  parseFunderRecord,
  parseLoanBook,
  parseOrganisationFinance,
  type Allocation,
  type CatalogueMechanism,
  type FinanceRecord,
  type FundSummary,
  type FundView,
  type FunderMatch,
  type FunderTerms,
  type LoanBook,
  type OrganisationFinance,
} from './finance';
import {
  parseCampaignView,
  parseGuaranteeFundView,
  parseRecordList,
  type CampaignView,
  type GuaranteeFundView,
} from './finance_guarantee';

export const FINANCE_BASE = `${API_BASE}/finance`;

const get = (url: string, signal?: AbortSignal) => requestJson<unknown>('GET', url, { signal });

/** Keeps the parameters that have a value. */
function params(entries: Record<string, string | number | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined && value !== '') out.set(key, String(value));
  }
  return out;
}

export function fundUrl(id: string, loss?: number, asOf?: string): string {
  return withQuery(
    `${FINANCE_BASE}/funds/${encodeURIComponent(id)}`,
    params({ loss, as_of: asOf }),
  );
}

export function organisationFinanceUrl(actorId: string, lang: string, asOf?: string): string {
  return withQuery(
    `${FINANCE_BASE}/organisations/${encodeURIComponent(actorId)}`,
    params({ lang, as_of: asOf }),
  );
}

export function loanBookUrl(asOf: string, fund: string): string {
  return withQuery(`${FINANCE_BASE}/loan-book`, params({ as_of: asOf, fund }));
}

/** The impact indicators as a download (csv, jsonld) or JSON. */
export function impactUrl(format: 'json' | 'csv' | 'jsonld', fund?: string): string {
  return withQuery(`${FINANCE_BASE}/impact`, params({ format, fund }));
}

export const financeApi = {
  funds: async (signal?: AbortSignal): Promise<FundSummary[]> =>
    parseFundList(await get(`${FINANCE_BASE}/funds`, signal)),
  /** `loss` in cents; the server's default is 10% of the committed total. */
  fund: async (id: string, loss?: number, signal?: AbortSignal): Promise<FundView> =>
    parseFundView(await get(fundUrl(id, loss), signal)),
  allocate: async (id: string, save: boolean): Promise<Allocation> =>
    parseAllocation(
      await requestJson<unknown>(
        'POST',
        `${FINANCE_BASE}/funds/${encodeURIComponent(id)}/allocate`,
        {
          body: { save },
        },
      ),
    ),
  organisation: async (
    actorId: string,
    lang: string,
    signal?: AbortSignal,
  ): Promise<OrganisationFinance> =>
    parseOrganisationFinance(await get(organisationFinanceUrl(actorId, lang), signal)),
  loanBook: async (asOf: string, fund: string, signal?: AbortSignal): Promise<LoanBook> =>
    parseLoanBook(await get(loanBookUrl(asOf, fund), signal)),
  /** The stored funders (stewards and admins). */
  funders: async (signal?: AbortSignal): Promise<FunderTerms[]> =>
    parseFunderList(await get(`${FINANCE_BASE}/records/funder`, signal)),
  funder: async (id: string, signal?: AbortSignal): Promise<FunderTerms> =>
    parseFunderRecord(
      await get(`${FINANCE_BASE}/records/funder/${encodeURIComponent(id)}`, signal),
    ),
  /** The organisations finance knows, ranked by their eligibility for the funder; the
   * conditions' texts in `lang`. */
  applicants: async (id: string, lang: string, signal?: AbortSignal): Promise<FunderMatch> =>
    parseFunderMatch(
      await get(
        withQuery(`${FINANCE_BASE}/funders/${encodeURIComponent(id)}/applicants`, params({ lang })),
        signal,
      ),
    ),
  /** The stored guarantee funds (stewards and admins). */
  guaranteeFunds: async (signal?: AbortSignal): Promise<FinanceRecord[]> =>
    parseRecordList(await get(`${FINANCE_BASE}/records/guarantee_fund`, signal), 'guarantee funds'),
  /** A guarantee fund with its report: guarantees, calls, exposure and capacity. */
  guaranteeFund: async (id: string, signal?: AbortSignal): Promise<GuaranteeFundView> =>
    parseGuaranteeFundView(
      await get(`${FINANCE_BASE}/guarantee-funds/${encodeURIComponent(id)}`, signal),
    ),
  /** The stored match-funded campaigns (stewards and admins). */
  campaigns: async (signal?: AbortSignal): Promise<FinanceRecord[]> =>
    parseRecordList(await get(`${FINANCE_BASE}/records/campaign`, signal), 'campaigns'),
  /** A campaign's match at `asOf` (YYYY-MM-DD; the server's today without it). */
  campaign: async (id: string, asOf?: string, signal?: AbortSignal): Promise<CampaignView> =>
    parseCampaignView(
      await get(
        withQuery(`${FINANCE_BASE}/campaigns/${encodeURIComponent(id)}`, params({ as_of: asOf })),
        signal,
      ),
    ),
  mechanisms: async (lang: string, signal?: AbortSignal): Promise<CatalogueMechanism[]> =>
    parseCatalogue(
      await get(withQuery(`${FINANCE_BASE}/mechanisms`, params({ lang })), signal),
      lang,
    ),
};
