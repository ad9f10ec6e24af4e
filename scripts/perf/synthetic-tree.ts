/**
 * Made-up decision trees of any size, for measuring how the agent map scales. Deterministic: the
 * same size always gives the same tree (a seeded generator, no Math.random).
 */
import { START_ID } from '../../src/engine/graph.ts';
import type {
  AnswerId,
  ConditionId,
  Content,
  ContentNode,
  NodeId,
  Outcome,
  Question,
} from '../../src/engine/schema.ts';

const WORDS = [
  'call',
  'calls',
  'route',
  'carrier',
  'number',
  'caller',
  'audio',
  'trunk',
  'gateway',
  'codec',
  'signal',
  'timeout',
  'rejected',
  'busy',
  'drops',
  'silence',
  'echo',
  'delay',
  'registration',
  'network',
  'firewall',
  'destination',
  'prefix',
  'capacity',
  'limit',
  'account',
  'identity',
  'the',
  'after',
  'when',
  'some',
  'every',
  'fails',
  'blocked',
  'answered',
];

/** mulberry32: a small, fast seeded generator; returns floats in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid tree of `nodeCount` nodes (at least 3): questions with 2–5 answers, titles of 20–70
 * characters, outcomes as leaves, a share of answers converging on an outcome another answer
 * already reaches. Branches grow at random places, so the tree gets deeper as it gets larger.
 */
export function syntheticContent(nodeCount: number): Pick<Content, 'nodes' | 'startId'> {
  const total = Math.max(3, Math.floor(nodeCount));
  const random = seeded(0x5eed + total);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  };
  const title = (question: boolean): string => {
    const length = 21 + Math.floor(random() * 50) - (question ? 1 : 0);
    let text = pick(WORDS);
    while (text.length < length) text += ` ${pick(WORDS)}`;
    // Cut to length, at a word boundary when that leaves enough.
    const cut = text.slice(0, length + 1).lastIndexOf(' ');
    text = cut >= 20 ? text.slice(0, cut) : text.slice(0, length).trimEnd();
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}${question ? '?' : ''}`;
  };

  const nodes: Record<string, ContentNode> = {};
  const outcomes: NodeId[] = [];
  const parents = new Map<string, Question>();
  /** Answers without a `next` yet (it points back at their own question until it is set). */
  const open: { question: Question; index: number }[] = [];

  const addQuestion = (id: NodeId, parent?: Question): NodeId => {
    const count = 2 + Math.floor(random() * 4);
    const question: Question = {
      id,
      kind: 'question',
      title: title(true),
      answers: Array.from({ length: count }, (_, i) => ({
        id: `a-${i + 1}` as AnswerId,
        label: `Answer ${i + 1}`,
        next: id,
      })),
    };
    nodes[id] = question;
    if (parent) parents.set(id, parent);
    for (let index = 0; index < count; index += 1) open.push({ question, index });
    return id;
  };
  const addOutcome = (): NodeId => {
    const id = `o-${outcomes.length + 1}` as NodeId;
    nodes[id] = {
      id,
      kind: 'outcome',
      title: title(false),
      summary: 'Summary.',
      cause: 'Cause.',
      steps: [],
      retry: { advice: 'fix-first', note: 'Note.' },
      support: { when: ['reproducible' as ConditionId] },
    } satisfies Outcome;
    outcomes.push(id);
    return id;
  };
  /** Outcomes already reached from this question, its parent or its grandparent. */
  const nearby = (question: Question): NodeId[] => {
    const parent = parents.get(question.id);
    const family = [question, parent, parent && parents.get(parent.id)];
    return family.flatMap((q) =>
      (q?.answers ?? []).map((a) => a.next).filter((id) => nodes[id]?.kind === 'outcome'),
    );
  };

  addQuestion(START_ID);
  let questions = 1;
  while (open.length > 0) {
    // A random open answer, older (shallower) ones more likely: some branches run deeper.
    const [slot] = open.splice(Math.floor(random() ** 3 * open.length), 1);
    const answer = slot?.question.answers[slot.index];
    if (slot === undefined || answer === undefined) break;
    const remaining = total - Object.keys(nodes).length;
    const shared = nearby(slot.question);
    if (remaining <= 0) {
      // Every node exists: the answers left converge on outcomes.
      answer.next = pick(
        shared.length > 0 ? shared : outcomes.length > 0 ? outcomes : [addOutcome()],
      );
    } else if (open.length + 1 >= remaining * 1.3) {
      // Enough answers left for the nodes still to come (the spare ones converge, below).
      answer.next = addOutcome();
    } else if (open.length === 0 || random() < 0.55) {
      questions += 1;
      answer.next = addQuestion(`q-${questions}` as NodeId, slot.question);
    } else if (shared.length > 0 && random() < 0.35) {
      answer.next = pick(shared);
    } else {
      answer.next = addOutcome();
    }
  }
  return { nodes, startId: START_ID };
}
