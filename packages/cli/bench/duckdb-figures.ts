// The benchmark's comparison: the same figures computed with SQL by DuckDB from the same NDJSON file.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { MetricsFigures } from '@social-shift/core/metrics';

/** The figures both sides compute, in one comparable shape. */
export interface ComparableFigures {
  readonly platforms: readonly {
    platform: string;
    shares: number;
    clicks: number;
    reactions: number;
    comments: number;
    conversations: number;
    reshares: number;
    potentialReach: number;
    reportedReach: number;
  }[];
  readonly sharers: number;
  readonly publishersWithConsent: number;
  readonly consentingSharers: number;
  readonly contributions: number;
  readonly contributors: number;
  readonly conversers: number;
  readonly people: number;
  readonly invited: number;
  readonly active: number;
  readonly teams: readonly { team: string; shares: number; sharers: number }[];
  /** Median lead times in hours (rounded to 6 decimals: DuckDB interpolates the two middle values its own way). */
  readonly medianHours: {
    readonly submissionToOffer: number | null;
    readonly reviewToApproval: number | null;
  };
}

const hours6 = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 1e6) / 1e6;

/** Our figures in the comparable shape. */
export function comparableFromOurs(figures: MetricsFigures): ComparableFigures {
  return {
    platforms: figures.platforms
      .map((p) => ({
        platform: p.platform,
        shares: p.shares,
        clicks: p.clicks,
        reactions: p.reactions,
        comments: p.comments,
        conversations: p.conversations,
        reshares: p.reshares,
        potentialReach: p.potentialReach,
        reportedReach: p.reportedReach,
      }))
      .sort((a, b) => (a.platform < b.platform ? -1 : 1)),
    sharers: figures.summary.sharers.value ?? 0,
    publishersWithConsent: figures.summary.publishersWithConsent.value ?? 0,
    consentingSharers: Math.round(
      (figures.summary.participation.value ?? 0) * (figures.summary.publishersWithConsent.value ?? 0),
    ),
    contributions: figures.summary.contributions.value ?? 0,
    contributors: figures.summary.contributors.value ?? 0,
    conversers: figures.summary.conversers.value ?? 0,
    people: figures.activationFunnel.people,
    invited: figures.activationFunnel.invited,
    active: figures.activationFunnel.active,
    teams: figures.teams
      .filter((t) => t.shares > 0)
      .map((t) => ({ team: t.teamId, shares: t.shares, sharers: t.sharers }))
      .sort((a, b) => (a.team < b.team ? -1 : 1)),
    medianHours: {
      submissionToOffer: hours6(figures.leadTimes.submissionToOffer.medianHours),
      reviewToApproval: hours6(figures.leadTimes.reviewToApproval.medianHours),
    },
  };
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * Loads the NDJSON file into a typed table (DuckDB parses the `data` object straight into a struct: its fastest
 * way in) and computes the comparable figures with SQL. State (consent, roles, lifecycle, teams) is the last
 * event by `seq` before the window's end (the lifecycle also follows the status a `person.updated` sets, as
 * withdrawing consent does); activity counts inside `[from, to)`.
 */
export async function duckdbFigures(
  connection: DuckDBConnection,
  path: string,
  window: { from: string; to: string },
): Promise<ComparableFigures> {
  const from = quote(window.from);
  const to = quote(window.to);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ev AS
    SELECT seq, type, "at", entityId,
      data.publisherId AS publisher, data.postId AS post, data.platform AS platform, data.networkSize AS network,
      coalesce(data.count, 1) AS cnt, data.byAmbassador AS by_amb, data.reach AS reach,
      data.personId AS person, data.role AS role, data.purposes AS purposes,
      data.creatorId AS creator, data.teamIds AS team_ids, data.contributionIds AS contribution_ids,
      data.changes.status AS status
    FROM read_ndjson(${quote(path)}, format = 'newline_delimited', columns = {
      seq: 'BIGINT', type: 'VARCHAR', "at": 'VARCHAR', entityId: 'VARCHAR',
      data: 'STRUCT(publisherId VARCHAR, postId VARCHAR, platform VARCHAR, networkSize BIGINT, count BIGINT, byAmbassador BOOLEAN,
        reach BIGINT, personId VARCHAR, role VARCHAR, purposes VARCHAR[], creatorId VARCHAR, teamIds VARCHAR[],
        contributionIds VARCHAR[], changes STRUCT(status VARCHAR))'
    })
    WHERE "at" < ${to}`);
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
  const platforms = await rows(`SELECT platform,
      count(*) FILTER (WHERE type = 'share.recorded') AS shares,
      count(*) FILTER (WHERE type = 'platform.click') AS clicks,
      coalesce(sum(cnt) FILTER (WHERE type = 'platform.reaction'), 0) AS reactions,
      coalesce(sum(cnt) FILTER (WHERE type = 'platform.comment'), 0) AS comments,
      coalesce(sum(cnt) FILTER (WHERE type = 'platform.comment' AND by_amb), 0) AS conversations,
      coalesce(sum(cnt) FILTER (WHERE type = 'platform.reshare'), 0) AS reshares,
      coalesce(sum(network) FILTER (WHERE type = 'share.recorded'), 0) AS potentialReach,
      coalesce(sum(reach) FILTER (WHERE type = 'platform.reach'), 0) AS reportedReach
    FROM ev WHERE "at" >= ${from} AND (type = 'share.recorded' OR type LIKE 'platform.%')
    GROUP BY platform ORDER BY platform`);
  const people = await rows(`WITH
    consent AS (SELECT person, arg_max(type = 'consent.given' AND list_contains(purposes, 'offers'), seq) AS ok
      FROM ev WHERE type IN ('consent.given', 'consent.withdrawn') GROUP BY person),
    publisher AS (SELECT person, arg_max(type = 'role.assigned', seq) AS held
      FROM ev WHERE type IN ('role.assigned', 'role.revoked') AND role = 'publisher' GROUP BY person),
    life AS (SELECT entityId AS person,
        arg_max(CASE WHEN type = 'person.updated' THEN 'status.' || status ELSE type END, seq) AS last,
        bool_or(type = 'person.added') AS added,
        bool_or(type IN ('person.invited', 'person.activated', 'person.reactivated')) AS invited
      FROM ev WHERE type IN ('person.added', 'person.invited', 'person.activated', 'person.reactivated',
        'person.dormant', 'person.left', 'person.erased')
        OR (type = 'person.updated' AND status IN ('candidate', 'invited', 'active', 'dormant', 'left'))
      GROUP BY entityId),
    sharers AS (SELECT DISTINCT publisher AS person FROM ev WHERE type = 'share.recorded' AND "at" >= ${from}),
    conversers AS (SELECT DISTINCT publisher AS person FROM ev WHERE type = 'platform.comment' AND by_amb AND "at" >= ${from}),
    consenting AS (SELECT person FROM consent JOIN publisher USING (person) LEFT JOIN life USING (person)
      WHERE ok AND held AND coalesce(last, '') NOT IN ('person.left', 'status.left', 'person.erased'))
    SELECT
      (SELECT count(*) FROM sharers) AS sharers,
      (SELECT count(*) FROM consenting) AS publishersWithConsent,
      (SELECT count(*) FROM consenting JOIN sharers USING (person)) AS consentingSharers,
      (SELECT count(*) FROM conversers) AS conversers,
      (SELECT count(*) FROM life WHERE added) AS people,
      (SELECT count(*) FROM life WHERE added AND invited) AS invited,
      (SELECT count(*) FROM life WHERE added
        AND last IN ('person.activated', 'person.reactivated', 'status.active')) AS active`);
  const contributions =
    await rows(`SELECT count(*) AS contributions, count(DISTINCT creator) AS contributors FROM (
      SELECT entityId, min("at") FILTER (WHERE type = 'contribution.submitted') AS first_at, arg_max(creator, seq) AS creator
      FROM ev WHERE type IN ('contribution.created', 'contribution.submitted') GROUP BY entityId)
    WHERE first_at >= ${from} AND creator IS NOT NULL`);
  const teams = await rows(`WITH
    membership AS (SELECT entityId AS person, arg_max(team_ids, seq) AS team_ids
      FROM ev WHERE type IN ('person.added', 'person.updated') AND team_ids IS NOT NULL GROUP BY entityId),
    shares AS (SELECT publisher AS person, count(*) AS n FROM ev WHERE type = 'share.recorded' AND "at" >= ${from} GROUP BY publisher)
    SELECT team, sum(n) AS shares, count(*) AS sharers
    FROM (SELECT unnest(team_ids) AS team, n FROM membership JOIN shares USING (person))
    GROUP BY team ORDER BY team`);
  // Lead times: DuckDB's median() is quantile_cont(0.5), the mean of the two middle values of an even count.
  const hoursBetween = (a: string, b: string) =>
    `greatest(0, epoch_ms(${b}::TIMESTAMPTZ) - epoch_ms(${a}::TIMESTAMPTZ)) / 3600000.0`;
  const leadTimes = await rows(`WITH
    posts AS (SELECT entityId AS post,
        min("at") FILTER (WHERE type = 'post.submitted') AS submitted,
        min("at") FILTER (WHERE type = 'post.approved') AS approved
      FROM ev WHERE type IN ('post.submitted', 'post.approved') GROUP BY entityId),
    offered AS (SELECT coalesce(post, entityId) AS post, min("at") AS offered_at FROM ev
      WHERE type = 'offer.created' OR type = 'post.offered' GROUP BY coalesce(post, entityId)),
    contributions AS (SELECT entityId, min("at") AS submitted
      FROM ev WHERE type = 'contribution.submitted' GROUP BY entityId),
    -- A contribution may be used in several posts (post.created names them): its first offer is theirs.
    made AS (SELECT unnest(contribution_ids) AS entityId, entityId AS post FROM ev WHERE type = 'post.created'),
    first_offer AS (SELECT entityId, min(offered_at) AS offered_at FROM made JOIN offered USING (post) GROUP BY entityId)
    SELECT
      (SELECT median(${hoursBetween('submitted', 'approved')}) FROM posts
        WHERE submitted IS NOT NULL AND approved >= ${from}) AS reviewToApproval,
      (SELECT median(${hoursBetween('submitted', 'offered_at')}) FROM contributions JOIN first_offer USING (entityId)
        WHERE submitted IS NOT NULL AND offered_at >= ${from}) AS submissionToOffer`);
  const num = (v: unknown): number => Number(v ?? 0);
  const median = (v: unknown): number | null => (v === null || v === undefined ? null : hours6(Number(v)));
  const l = leadTimes[0] ?? {};
  const p = people[0] ?? {};
  const c = contributions[0] ?? {};
  return {
    platforms: platforms.map((r) => ({
      platform: String(r.platform),
      shares: num(r.shares),
      clicks: num(r.clicks),
      reactions: num(r.reactions),
      comments: num(r.comments),
      conversations: num(r.conversations),
      reshares: num(r.reshares),
      potentialReach: num(r.potentialReach),
      reportedReach: num(r.reportedReach),
    })),
    sharers: num(p.sharers),
    publishersWithConsent: num(p.publishersWithConsent),
    consentingSharers: num(p.consentingSharers),
    contributions: num(c.contributions),
    contributors: num(c.contributors),
    conversers: num(p.conversers),
    people: num(p.people),
    invited: num(p.invited),
    active: num(p.active),
    teams: teams.map((r) => ({ team: String(r.team), shares: num(r.shares), sharers: num(r.sharers) })),
    medianHours: {
      submissionToOffer: median(l.submissionToOffer),
      reviewToApproval: median(l.reviewToApproval),
    },
  };
}
