// Unit tests of the statistical entity tagger (src/build/ner): pure functions, no Worker needed.
import { describe, expect, it } from 'vitest';
import { annotate, articleParagraphs } from '../../src/build/ner/articles.js';
import { DOCUMENT_MARKER, type Document, parseConll, TAGS, type Tag } from '../../src/build/ner/conll.js';
import { FeatureBuffer, FeatureExtractor, lexiconView, shapes } from '../../src/build/ner/features.js';
import { hashString } from '../../src/build/ner/hash.js';
import { trainModel } from '../../src/build/ner/learn.js';
import { emptyModel, Lattice, START, viterbi, withPredictedMisc } from '../../src/build/ner/perceptron.js';
import { chunks, scoreMentions } from '../../src/build/ner/score.js';
import { loadTagger, spans, taggerFromBytes } from '../../src/build/ner/tagger.js';
import { tokenize } from '../../src/build/ner/tokens.js';
import { serializeModel } from '../../src/build/ner/weights.js';

const texts = (sentence: string) => tokenize(sentence).map((token) => token.text);

describe('CoNLL reader', () => {
  const sample = [
    `${DOCUMENT_MARKER} -X- -X- O`,
    '',
    'Oslo NNP B-NP B-LOC',
    'welcomes VBZ B-VP O',
    'Danish JJ B-NP B-MISC',
    'bid NN I-NP O',
    '. . O O',
    '',
    'Ana NNP B-NP B-PER',
    'Souza NNP I-NP I-PER',
    '',
    `${DOCUMENT_MARKER} -X- -X- O`,
    '',
    'New NNP B-NP I-LOC',
    'York NNP I-NP I-LOC',
    'Odd NNP I-NP B-FOO',
    '',
  ].join('\n');

  it('splits documents and sentences and keeps token and tag', () => {
    const documents = parseConll(sample);
    expect(documents).toHaveLength(2);
    expect(documents[0]!.sentences).toEqual([
      { tokens: ['Oslo', 'welcomes', 'Danish', 'bid', '.'], tags: ['B-LOC', 'O', 'B-MISC', 'O', 'O'] },
      { tokens: ['Ana', 'Souza'], tags: ['B-PER', 'I-PER'] },
    ]);
  });

  it('normalises to IOB2 over the nine tags', () => {
    const [, second] = parseConll(sample);
    expect(second!.sentences[0]!.tags).toEqual(['B-LOC', 'I-LOC', 'O']);
    expect(TAGS).toHaveLength(9);
  });
});

describe('tokenizer', () => {
  it('splits possessives with either apostrophe', () => {
    expect(texts("Macron’s plan and Trump's aid")).toEqual(['Macron', '’s', 'plan', 'and', 'Trump', "'s", 'aid']);
    expect(texts("the Reuters' report")).toEqual(['the', 'Reuters', "'", 'report']);
    expect(texts("O'Neill's d'Ivoire")).toEqual(["O'Neill", "'s", "d'Ivoire"]);
  });

  it('keeps U.S., initials and abbreviations whole', () => {
    expect(texts('J. K. Rowling met Mr. Smith of Acme Inc. in the U.S. on Jan. 5.')).toEqual([
      'J.',
      'K.',
      'Rowling',
      'met',
      'Mr.',
      'Smith',
      'of',
      'Acme',
      'Inc.',
      'in',
      'the',
      'U.S.',
      'on',
      'Jan.',
      '5',
      '.',
    ]);
    expect(texts('He said no.')).toEqual(['He', 'said', 'no', '.']);
  });

  it('separates quotes and punctuation, keeps hyphenated words and numbers whole', () => {
    expect(texts('“We won,” said the Zurich-based firm (6-4, $1,000.50 or 3.5%).')).toEqual([
      '“',
      'We',
      'won',
      ',',
      '”',
      'said',
      'the',
      'Zurich-based',
      'firm',
      '(',
      '6-4',
      ',',
      '$',
      '1,000.50',
      'or',
      '3.5',
      '%',
      ')',
      '.',
    ]);
    expect(texts('‘Don\'t’ — "yes"')).toEqual(['‘', 'Do', "n't", '’', '—', '"', 'yes', '"']);
  });

  it('gives character offsets into the sentence', () => {
    const sentence = '  Musk’s  “X”';
    for (const token of tokenize(sentence)) expect(sentence.slice(token.start, token.end)).toBe(token.text);
    expect(tokenize(sentence).map((t) => [t.start, t.end])).toEqual([
      [2, 6],
      [6, 8],
      [10, 11],
      [11, 12],
      [12, 13],
    ]);
  });
});

describe('features', () => {
  const lexicon = { words: new Map(), names: new Map(), phrases: new Map(), freq: new Map(), maxPhrase: 1 };
  const document = [
    ['Peter', 'Blackburn', 'visited', 'BRUSSELS', '.'],
    ['Blackburn', 'said', 'so', '.'],
  ];

  function features(extractor: FeatureExtractor): number[][] {
    extractor.beginDocument(document);
    const buffer = new FeatureBuffer();
    return document.map((_, s) => {
      extractor.sentence(s, buffer);
      return Array.from(buffer.feats.subarray(0, buffer.count));
    });
  }

  it('hashes deterministically, the same in every process', () => {
    expect(hashString('Wirefeed')).toBe(hashString('Wirefeed'));
    expect(hashString('Wirefeed') >>> 0).toBe(3940756811);
    const first = features(new FeatureExtractor(lexiconView(lexicon), 18));
    const second = features(new FeatureExtractor(lexiconView(lexicon), 18));
    expect(first).toEqual(second);
    expect(first.flat().every((f) => f >= 0 && f < 1 << 18)).toBe(true);
  });

  it('computes word shapes', () => {
    expect(shapes('Blackburn')).toMatchObject({ shape: 'Xxxxx', short: 'Xx' });
    expect(shapes('U.S.')).toMatchObject({ shape: 'X.X.', short: 'X.X.' });
    expect(shapes('1996-08-22')).toMatchObject({ shape: 'dddd-dd-dd', short: 'd-d-d' });
  });
});

describe('Viterbi', () => {
  it('finds the best sequence of a hand-made model, not the greedy one, and obeys BIO', () => {
    const O = 0,
      B_PER = 1,
      I_PER = 2,
      B_LOC = 5;
    const model = emptyModel(4);
    // Emissions: token 0 slightly prefers B-LOC, token 1 strongly prefers I-PER, which may only follow B-PER.
    const lattice = new Lattice();
    const scores = [
      [0, 1, 0, 0, 0, 1.5, 0, 0, 0],
      [0, 0, 3, 0, 0, 0, 0, 0, 0],
    ];
    scores.forEach((row, i) => {
      row.forEach((score, t) => {
        lattice.scores[i * 9 + t] = score;
      });
    });
    model.transitions[START * 9 + O] = 0;
    lattice.setTransitions(model.transitions);
    expect(Array.from(viterbi(lattice, 2).subarray(0, 2))).toEqual([B_PER, I_PER]);
    // A transition penalty on B-PER → I-PER larger than the gain makes B-LOC O best.
    model.transitions[B_PER * 9 + I_PER] = -3;
    lattice.setTransitions(model.transitions);
    expect(Array.from(viterbi(lattice, 2).subarray(0, 2))).toEqual([B_LOC, O]);
    // I- never starts a sentence, whatever its score.
    lattice.scores.fill(0);
    lattice.scores[I_PER] = 100;
    expect(viterbi(lattice, 1)[0]).not.toBe(I_PER);
  });
});

/** Synthetic news: people after "Mr." and before "said", places after "in", organisations before "Corp". */
function syntheticDocuments(): Document[] {
  const people = ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker'];
  const places = ['Paris', 'Lagos', 'Lima', 'Oslo', 'Quito', 'Hanoi', 'Dakar', 'Accra', 'Minsk', 'Sofia'];
  const firms = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Cyberdyne', 'Tyrell'];
  return people.map((person, k) => {
    const place = places[(k * 3) % 10]!;
    const firm = firms[(k * 7) % 10]!;
    const sentence = (tokens: string[], tags: Tag[]) => ({ tokens, tags });
    return {
      sentences: [
        sentence(
          ['Mr.', person, 'said', 'on', 'Monday', 'that', 'prices', 'rose', 'in', place, '.'],
          ['O', 'B-PER', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'B-LOC', 'O'],
        ),
        sentence(
          ['Shares', 'of', firm, 'Corp', 'fell', 'in', place, 'as', 'Mr.', person, 'spoke', '.'],
          ['O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-LOC', 'O', 'O', 'B-PER', 'O', 'O'],
        ),
      ],
    };
  });
}

describe('training', () => {
  const options = { epochs: 8, bits: 16, gazetteers: false, ensemble: 2 };

  it('learns a pattern from tiny inline data and tags a new sentence', () => {
    const { model, lexicon } = trainModel(syntheticDocuments(), options);
    const tagger = taggerFromBytes(serializeModel(model, lexicon));
    const [tags] = tagger.tagDocument([['Mr.', 'Okonkwo', 'said', 'sales', 'rose', 'in', 'Nairobi', '.']]);
    expect(tags).toEqual(['O', 'B-PER', 'O', 'O', 'O', 'O', 'B-LOC', 'O']);
  });

  it('is deterministic: the same data give the same bytes', () => {
    const first = trainModel(syntheticDocuments(), options);
    const second = trainModel(syntheticDocuments(), options);
    expect(Buffer.from(serializeModel(first.model, first.lexicon))).toEqual(
      Buffer.from(serializeModel(second.model, second.lexicon)),
    );
  });
});

describe('training on articles annotated without MISC', () => {
  const index = (tags: Tag[]) => Int32Array.from(tags, (tag) => TAGS.indexOf(tag));

  it("takes a predicted MISC over O as right, but never over a gold name or a gold name's edge", () => {
    const gold = index(['O', 'O', 'B-PER', 'I-PER', 'O', 'O']);
    const path = index(['B-MISC', 'I-MISC', 'B-MISC', 'O', 'B-MISC', 'O']);
    expect(Array.from(withPredictedMisc(gold, path), (tag) => TAGS[tag])).toEqual([
      'B-MISC',
      'I-MISC',
      'B-PER',
      'I-PER',
      'B-MISC',
      'O',
    ]);
    // A MISC chunk that runs into a gold name is not copied at all.
    const across = index(['O', 'B-MISC', 'I-MISC', 'O']);
    expect(Array.from(withPredictedMisc(index(['O', 'O', 'B-LOC', 'O']), across), (tag) => TAGS[tag])).toEqual([
      'O',
      'O',
      'B-LOC',
      'O',
    ]);
  });

  it('reads repeated documents more often, deterministically', () => {
    const options = { epochs: 4, bits: 16, gazetteers: false, ensemble: 1 };
    const documents = syntheticDocuments();
    const once = trainModel(documents, options);
    const thrice = trainModel(documents, { ...options, repeats: documents.map(() => 3) });
    const again = trainModel(documents, { ...options, repeats: documents.map(() => 3) });
    const bytes = (trained: typeof once) => Buffer.from(serializeModel(trained.model, trained.lexicon));
    expect(bytes(thrice)).not.toEqual(bytes(once));
    expect(bytes(thrice)).toEqual(bytes(again));
  });
});

describe('scoring and spans', () => {
  it('scores exact mentions of PER, ORG and LOC, ignoring MISC', () => {
    expect(chunks(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'LOC' },
    ]);
    const report = scoreMentions([['B-PER', 'I-PER', 'O', 'B-MISC', 'B-ORG']], [['B-PER', 'O', 'O', 'O', 'B-ORG']]);
    expect(report.byType.PER).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(report.byType.ORG).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(report.micro).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
  });

  it('marks article forms longest first, possessives without ’s', () => {
    const sentences = [texts('Ursula von der Leyen met Macron; Von der Leyen’s plan, Macron’s reply.')];
    const entities = [
      {
        name: 'Ursula von der Leyen',
        type: 'person' as const,
        forms: ['Von der Leyen’s', 'Ursula von der Leyen', 'Von der Leyen'],
      },
      { name: 'Emmanuel Macron', type: 'person' as const, forms: ['Macron', 'Macron’s'] },
    ];
    const [tags] = annotate(sentences, entities);
    expect(tags!.join(' ')).toBe('B-PER I-PER I-PER I-PER O B-PER O B-PER I-PER I-PER O O O B-PER O O O');
    expect(articleParagraphs(' date 2025-03-04 First one. Second one.\n\nNext.')).toEqual([
      ['First one.', 'Second one.'],
      ['Next.'],
    ]);
  });
});

describe('committed weights', () => {
  it('load and tag a sentence', () => {
    const tagger = loadTagger();
    const sentence = 'Elon Musk met officials of the European Union in Brussels on Monday .';
    const tokens = tokenize(sentence);
    const [tags] = tagger.tagDocument([tokens.map((token) => token.text)]);
    expect(tags).toEqual(['B-PER', 'I-PER', 'O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O', 'O', 'O']);
    expect(spans(tokens, tags!).map((span) => [sentence.slice(span.start, span.end), span.type])).toEqual([
      ['Elon Musk', 'PER'],
      ['European Union', 'ORG'],
      ['Brussels', 'LOC'],
    ]);
  });
});
