import { describe, expect, it } from 'vitest';
import {
  financeAllocationHref,
  financeFundHref,
  financeFunderHref,
  financeLoansHref,
  financeOrganisationHref,
  DATA_HREF,
  DECIDE_OPINION_HREF,
  PROCESSES_HREF,
  processDecisionHref,
  processHref,
  processProposalHref,
  actorEditHref,
  actorHref,
  actorScreeningHref,
  caseVersionParam,
  frameworkHref,
  knowledgeCaseEditHref,
  knowledgeCaseHref,
  knowledgeNewHref,
  knowledgeTransferHref,
  pageHref,
  parseRoute,
  safeNext,
  signInHref,
  territoriesHref,
} from './router';

describe('parseRoute', () => {
  it('shows the map for an empty hash', () => {
    expect(parseRoute('').page).toBe('map');
    expect(parseRoute('#/').page).toBe('map');
  });

  it('reads the page and its query', () => {
    const route = parseRoute('#/directory?q=bakery&kind=organisation');
    expect(route.page).toBe('directory');
    expect(route.params.get('q')).toBe('bakery');
    expect(route.params.get('kind')).toBe('organisation');
  });

  it('reads the territories page and its parent', () => {
    const route = parseRoute(territoriesHref('GB/wales'));
    expect(route.page).toBe('territories');
    expect(route.params.get('parent')).toBe('GB/wales');
    expect(territoriesHref('')).toBe('#/territories');
  });

  it('tolerates a trailing slash', () => {
    expect(parseRoute('#/map/').page).toBe('map');
  });

  it('decodes actor ids', () => {
    expect(parseRoute('#/actors/cuk-r006884')).toMatchObject({ page: 'actor', id: 'cuk-r006884' });
    expect(parseRoute('#/actors/a%2Fb')).toMatchObject({ page: 'actor', id: 'a/b' });
  });

  it('reads the account, sign-in and administration pages', () => {
    expect(parseRoute('#/signin?next=%23%2Faccount').page).toBe('signin');
    expect(parseRoute('#/account').page).toBe('account');
    expect(parseRoute('#/admin/users').page).toBe('users');
    expect(parseRoute('#/admin/audit/').page).toBe('audit');
    expect(parseRoute('#/admin').page).toBe('not_found');
  });

  it('reads the open data page', () => {
    expect(parseRoute(DATA_HREF).page).toBe('data');
    expect(parseRoute(pageHref('data')).page).toBe('data');
    expect(parseRoute('#/data/').page).toBe('data');
    expect(parseRoute('#/data/x').page).toBe('not_found');
  });

  it('reads the knowledge search, a case and the transfer wizard', () => {
    expect(parseRoute(pageHref('knowledge')).page).toBe('knowledge');
    expect(parseRoute('#/knowledge?q=x&sdg=5&sdg=11').params.getAll('sdg')).toEqual(['5', '11']);
    expect(parseRoute(knowledgeCaseHref('in-up.x_1'))).toMatchObject({
      page: 'knowledge_case',
      id: 'in-up.x_1',
    });
    expect(parseRoute(knowledgeCaseHref('a/b'))).toMatchObject({
      page: 'knowledge_case',
      id: 'a/b',
    });
    expect(parseRoute(knowledgeCaseEditHref('a/b'))).toMatchObject({
      page: 'knowledge_case_edit',
      id: 'a/b',
    });
    expect(parseRoute(knowledgeNewHref()).page).toBe('knowledge_case_new');
    expect(parseRoute('#/knowledge/cases/x/other').page).toBe('not_found');
    const older = parseRoute(knowledgeCaseHref('a/b', 3));
    expect(older).toMatchObject({ page: 'knowledge_case', id: 'a/b' });
    expect(caseVersionParam(older.params)).toBe(3);
    for (const bad of ['', '0', '-1', '1.5', 'x', '01']) {
      expect(caseVersionParam(new URLSearchParams({ version: bad }))).toBeNull();
    }
    const wizard = parseRoute(knowledgeTransferHref('in-up'));
    expect(wizard.page).toBe('knowledge_transfer');
    expect(wizard.params.get('case')).toBe('in-up');
    expect(knowledgeTransferHref()).toBe('#/knowledge/transfer');
    expect(parseRoute('#/knowledge/cases').page).toBe('not_found');
    expect(parseRoute('#/knowledge/cases/x/y').page).toBe('not_found');
    expect(parseRoute('#/knowledge/x').page).toBe('not_found');
  });

  it('reads the finance pages', () => {
    expect(parseRoute('#/finance').page).toBe('finance');
    expect(parseRoute(financeLoansHref('2026-06-30', 'f/1'))).toMatchObject({
      page: 'finance_loans',
    });
    expect(parseRoute(financeLoansHref('2026-06-30', 'f/1')).params.get('fund')).toBe('f/1');
    expect(parseRoute(financeOrganisationHref('a/b'))).toMatchObject({
      page: 'finance_organisation',
      id: 'a/b',
    });
    expect(financeFunderHref('risq/qc')).toBe('#/finance/funders/risq%2Fqc');
    expect(parseRoute(financeFunderHref('risq/qc'))).toMatchObject({
      page: 'finance_funder',
      id: 'risq/qc',
    });
    expect(parseRoute('#/finance/funders/risq/applicants').page).toBe('not_found');
    expect(parseRoute('#/finance/funders').page).toBe('not_found');
    expect(parseRoute(financeFundHref('f/1', 250))).toMatchObject({
      page: 'finance_fund',
      id: 'f/1',
    });
    expect(parseRoute(financeAllocationHref('f/1'))).toMatchObject({
      page: 'finance_allocation',
      id: 'f/1',
    });
    expect(parseRoute('#/finance/funds/x/other').page).toBe('not_found');
    expect(parseRoute('#/finance/other/x').page).toBe('not_found');
  });

  it('reads the decision tally page', () => {
    expect(pageHref('decide')).toBe('#/decide');
    expect(parseRoute('#/decide').page).toBe('decide');
    expect(parseRoute('#/decide/').page).toBe('decide');
    expect(parseRoute('#/decide/x').page).toBe('not_found');
    expect(parseRoute(DECIDE_OPINION_HREF).page).toBe('decide_opinion');
    expect(parseRoute('#/decide/opinion/').page).toBe('decide_opinion');
    expect(parseRoute('#/decide/opinion/x').page).toBe('not_found');
  });

  it('reads the participatory processes, a process, its proposals and its decisions', () => {
    expect(parseRoute(PROCESSES_HREF).page).toBe('processes');
    expect(parseRoute('#/processes/').page).toBe('processes');
    expect(processHref('b/2027')).toBe('#/processes/b%2F2027');
    expect(parseRoute(processHref('b/2027'))).toMatchObject({ page: 'process', id: 'b/2027' });
    expect(parseRoute(processProposalHref('b', 'p 1'))).toMatchObject({
      page: 'process_proposal',
      id: 'b',
      item: 'p 1',
    });
    expect(parseRoute(processDecisionHref('b', 'd1'))).toMatchObject({
      page: 'process_decision',
      id: 'b',
      item: 'd1',
    });
    expect(parseRoute('#/processes/b/decisions').page).toBe('not_found');
    expect(parseRoute('#/processes/b/other/x').page).toBe('not_found');
    expect(parseRoute('#/processes/b/decisions/d1/x').page).toBe('not_found');
  });

  it('reads the edit page of an actor', () => {
    expect(parseRoute(actorEditHref('a/b'))).toMatchObject({ page: 'actor_edit', id: 'a/b' });
    expect(parseRoute('#/actors/x/delete').page).toBe('not_found');
  });

  it('reads the screening pages', () => {
    expect(parseRoute(actorScreeningHref('a/b'))).toMatchObject({
      page: 'actor_screening',
      id: 'a/b',
    });
    expect(parseRoute(pageHref('frameworks')).page).toBe('frameworks');
    expect(parseRoute(frameworkHref('un-ilo'))).toMatchObject({ page: 'framework', id: 'un-ilo' });
    expect(parseRoute('#/frameworks/a/b').page).toBe('not_found');
    expect(parseRoute(pageHref('self-assessment')).page).toBe('self_assessment');
  });

  it('reports unknown paths and bad escapes as not found', () => {
    expect(parseRoute('#/nowhere')).toMatchObject({ page: 'not_found', path: '/nowhere' });
    expect(parseRoute('#/actors/%E0%A4%A')).toMatchObject({ page: 'not_found' });
    expect(parseRoute('#/actors/a/b').page).toBe('not_found');
  });
});

describe('hrefs', () => {
  it('round-trips through parseRoute', () => {
    const id = 'id with/slash';
    expect(parseRoute(actorHref(id))).toMatchObject({ page: 'actor', id });
    const href = pageHref('directory', new URLSearchParams({ q: 'a&b' }));
    expect(parseRoute(href).params.get('q')).toBe('a&b');
  });

  it('omits an empty query', () => {
    expect(pageHref('map', new URLSearchParams())).toBe('#/map');
  });
});

describe('sign-in return', () => {
  it('carries where to go back to and why', () => {
    const route = parseRoute(signInHref('#/actors/x/edit', 'password'));
    expect(route.params.get('next')).toBe('#/actors/x/edit');
    expect(route.params.get('reason')).toBe('password');
    expect(signInHref()).toBe('#/signin');
  });

  it('only returns to a page of this app', () => {
    expect(safeNext('#/admin/users')).toBe('#/admin/users');
    expect(safeNext('https://evil.example/')).toBe('#/account');
    expect(safeNext('#//evil.example')).toBe('#/account');
    expect(safeNext('#/signin')).toBe('#/account');
    expect(safeNext(null)).toBe('#/account');
  });
});
