// Word-level phrase matching over text in any of the service's languages,
// for the reply compliance check and for reading buyer claims in tickets.
// Text is folded first (lower case, Latin accents dropped: "Rückerstattung"
// → "ruckerstattung", "reçu" → "recu"), then split into words of letters
// and digits; English "n't" becomes a word "not".
//
//   const PhraseMatcher matcher({"leave +2 review*", "code promo"});
//   FoldedText text("Please leave us a REVIEW!");
//   absl::optional<PhraseMatch> match = matcher.Find(text);
//   // match->phrase == "leave +2 review*", text.Excerpt(*match) == "leave us a REVIEW"
//
// Phrase syntax: words separated by single spaces, written folded. A word
// ending in '*' matches any word with that prefix; "#" matches a number;
// "+N" matches up to N other words in between.
#ifndef TRACKENRICH_SERVICES_ENRICHMENT_TEXT_MATCHER_H_
#define TRACKENRICH_SERVICES_ENRICHMENT_TEXT_MATCHER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace trackenrich::enrichment {

// Lower case with Latin-1 and common Latin Extended-A accents removed; every
// byte that is not a letter or digit after folding becomes a space. Offsets
// map each folded byte back to the original text.
class FoldedText {
 public:
  struct Word {
    std::string text;
    // Byte range in the original text.
    size_t begin;
    size_t end;
  };

  explicit FoldedText(absl::string_view original);

  const std::vector<Word>& words() const { return words_; }
  absl::string_view original() const { return original_; }
  // The original text from the start of word `first` to the end of word
  // `last`.
  absl::string_view Span(size_t first, size_t last) const;

 private:
  std::string original_;
  std::vector<Word> words_;
};

struct PhraseMatch {
  // The phrase as written in the matcher.
  std::string phrase;
  // Word indices in the FoldedText, inclusive.
  size_t first_word;
  size_t last_word;
};

class PhraseMatcher {
 public:
  explicit PhraseMatcher(const std::vector<std::string>& phrases);

  // The earliest match in `text` (ties: the phrase listed first).
  absl::optional<PhraseMatch> Find(const FoldedText& text) const;
  // Every match, earliest first, not overlapping a previous match.
  std::vector<PhraseMatch> FindAll(const FoldedText& text) const;

 private:
  struct Token {
    std::string word;
    bool prefix = false;
    // Matches any word made only of digits ("#" in a phrase).
    bool number = false;
    // For a gap token: how many words it may skip; 0 for a word.
    int max_gap = 0;
  };
  struct Phrase {
    std::string source;
    std::vector<Token> tokens;
  };

  // The last word index of a match of `phrase` starting at `word`, or -1.
  static long MatchAt(const Phrase& phrase, size_t token, const FoldedText& text, size_t word);

  std::vector<Phrase> phrases_;
};

// Folds one string the way FoldedText does, keeping spaces between words:
// "Non è ARRIVATO!" → "non e arrivato".
std::string FoldForMatching(absl::string_view text);

}  // namespace trackenrich::enrichment

#endif  // TRACKENRICH_SERVICES_ENRICHMENT_TEXT_MATCHER_H_
