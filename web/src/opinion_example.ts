// The opinion map's example: a co-operative's 30 members (workers and users) vote on 8
// statements about its future. Two camps are planted: members 1-15 agree with s1-s3 and disagree
// with s4-s6, members 16-30 the reverse; s7 and s8 gather everyone who votes on them (the consensus). Each
// camp mixes workers and users, so the colleges' view differs from the groups'. Some members pass
// or skip statements, by a fixed pattern, so the example is the same on every load.

type Input = Record<string, unknown>;

const STATEMENTS: [string, string][] = [
  ['s1', 'We should open a second shop in the next town.'],
  ['s2', 'Growth matters more than keeping prices low.'],
  ['s3', 'We should borrow from the bank to invest.'],
  ['s4', 'We should stay small and local.'],
  ['s5', 'Prices for members should come first.'],
  ['s6', 'We should only invest from our own reserves.'],
  ['s7', 'Members should be consulted before any big decision.'],
  ['s8', 'Our suppliers should be paid fairly and on time.'],
];

const GROWTH = ['s1', 's2', 's3'];
const LOCAL = ['s4', 's5', 's6'];

/** Member n's vote on statement index j (0..7): 1 agree, -1 disagree, 0 pass, null no vote. */
function vote(n: number, j: number): number | null {
  if ((n * 7 + j * 3) % 13 === 0) return null;
  if ((n + j * 5) % 11 === 0) return 0;
  const id = STATEMENTS[j]?.[0] ?? '';
  // Three members pass on them: had they disagreed, they would rightly form a third group.
  if (j >= 6) return n % 9 === 4 ? 0 : 1;
  const growth = n <= 15;
  const agrees = growth ? GROWTH.includes(id) : LOCAL.includes(id);
  // One member in seven breaks ranks on one statement.
  const dissent = (n + j) % 7 === 0;
  return agrees !== dissent ? 1 : -1;
}

function build(): Input {
  const participants = Array.from({ length: 30 }, (_, i) => ({
    id: `m${String(i + 1).padStart(2, '0')}`,
    college: i % 3 === 0 ? 'users' : 'workers',
  }));
  const votes: Input[] = [];
  participants.forEach((p, i) => {
    STATEMENTS.forEach(([statement], j) => {
      const v = vote(i + 1, j);
      if (v !== null) votes.push({ participant: p.id, statement, vote: v });
    });
  });
  return {
    statements: STATEMENTS.map(([id, text]) => ({ id, text })),
    participants,
    votes,
    min_votes: 4,
    seed: 7,
  };
}

export const OPINION_EXAMPLE: Input = build();
