import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

export type ChineseSegmenter = {
  /** Offsets (in UTF-16 units of `text`) where a word starts; `text.length` is included. */
  wordStarts: (text: string) => Set<number>
}

/**
 * Chinese word segmentation with jieba's dictionary plus our medical terms (the lexicon's literal
 * words), so that "发烧" is found in "没发烧" but "烧" is never read inside "烧伤". The starts of
 * jieba's plain segmentation count too: one of our terms ("胸口像压") must not hide the start of
 * another concept's word inside it ("压了块石头").
 */
export function createChineseSegmenter (medicalTerms: readonly string[]): ChineseSegmenter {
  const plain = Jieba.withDict(dict)
  const medical = Jieba.withDict(dict)
  const unique = [...new Set(medicalTerms.filter((term) => term.length >= 2))]
  if (unique.length > 0) medical.loadDict(Buffer.from(unique.map((term) => `${term} 50000`).join('\n')))
  return {
    wordStarts (text) {
      const starts = new Set<number>([0, text.length])
      for (const jieba of [medical, plain]) {
        let offset = 0
        for (const word of jieba.cut(text, false)) {
          starts.add(offset)
          offset += word.length
        }
      }
      return starts
    }
  }
}
