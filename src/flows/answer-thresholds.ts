// Retrieval scores below which no vetted text is sent as an answer; the patient gets the vetted
// "I can't answer that here" with next steps instead. Set on development data (2026-12-07, offline
// hashed embeddings): over the 259 queries of tests/eval/retrieval/queries.jsonl and 64 off-topic
// probes (16 messages × 4 answer categories), a top score of 0.2 keeps 99.6% of the right answers
// and still lets 56% of off-topic probes through; 0.3 keeps 97.3% and lets 25% through. A message
// whose intent a flow has already recognised uses the lower bar; one that no flow claimed, the higher.
// `npm run eval` (retrieval suite) reports both figures again for the current corpus.
export const ANSWER_SCORE_THRESHOLDS = { recognisedIntent: 0.2, unclaimed: 0.3 } as const
