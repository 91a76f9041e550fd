#include "store/sql_script.h"

#include <cctype>

namespace store {
namespace {

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Uppercased words of a statement so far, enough to tell CREATE TRIGGER and its BEGIN/END.
class KeywordTracker {
 public:
  void word(const std::string& upper) {
    if (words_ < 4) {
      head_ += upper + " ";
      ++words_;
    }
    if (!isTrigger()) return;
    if (upper == "BEGIN" || upper == "CASE") ++depth_;
    if (upper == "END" && depth_ > 0) --depth_;
  }
  bool isTrigger() const {
    return head_.rfind("CREATE TRIGGER", 0) == 0 || head_.rfind("CREATE TEMP TRIGGER", 0) == 0 ||
           head_.rfind("CREATE TEMPORARY TRIGGER", 0) == 0;
  }
  bool insideBody() const { return depth_ > 0; }
  void reset() { *this = KeywordTracker(); }

 private:
  std::string head_;
  int words_ = 0;
  int depth_ = 0;
};

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") + 1 - first);
}

}  // namespace

std::vector<SqlStatement> splitSqlScript(const std::string& script) {
  std::vector<SqlStatement> statements;
  std::string current;
  int line = 1;
  int startLine = 0;
  KeywordTracker keywords;

  auto emit = [&] {
    if (std::string text = trimmed(current); !text.empty()) statements.push_back({std::move(text), startLine});
    current.clear();
    startLine = 0;
    keywords.reset();
  };

  const std::size_t n = script.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = script[i];
    if (c == '-' && i + 1 < n && script[i + 1] == '-') {  // line comment: dropped
      while (i < n && script[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && script[i + 1] == '*') {  // block comment: dropped
      i += 2;
      while (i < n && !(script[i] == '*' && i + 1 < n && script[i + 1] == '/')) line += script[i++] == '\n';
      i = i + 2 <= n ? i + 2 : n;
      current += ' ';
      continue;
    }
    if (c == '\n') ++line;
    if (!std::isspace(static_cast<unsigned char>(c)) && startLine == 0) startLine = line;

    if (c == '\'' || c == '"') {  // quoted: a doubled quote stays inside
      std::size_t j = i + 1;
      while (j < n) {
        if (script[j] == c) {
          if (j + 1 < n && script[j + 1] == c) {
            j += 2;
            continue;
          }
          break;
        }
        line += script[j] == '\n';
        ++j;
      }
      current.append(script, i, j + 1 - i);
      i = j + 1;
      continue;
    }
    if (c == '$') {  // PostgreSQL dollar quoting: $$...$$ or $tag$...$tag$
      std::size_t j = i + 1;
      while (j < n && isWordChar(script[j])) ++j;
      if (j < n && script[j] == '$') {
        const std::string tag = script.substr(i, j + 1 - i);
        const std::size_t close = script.find(tag, j + 1);
        const std::size_t end = close == std::string::npos ? n : close + tag.size();
        for (std::size_t k = i; k < end; ++k) line += script[k] == '\n';
        current.append(script, i, end - i);
        i = end;
        continue;
      }
    }
    if (isWordChar(c) && (i == 0 || !isWordChar(script[i - 1]))) {
      std::size_t j = i;
      std::string upper;
      while (j < n && isWordChar(script[j])) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(script[j++])));
      keywords.word(upper);
      current.append(script, i, j - i);
      i = j;
      continue;
    }
    if (c == ';' && !keywords.insideBody()) {
      emit();
      ++i;
      continue;
    }
    current += c;
    ++i;
  }
  emit();
  return statements;
}

}  // namespace store
