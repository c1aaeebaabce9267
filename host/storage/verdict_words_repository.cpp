#include "storage/verdict_words_repository.hpp"

namespace vigie::storage {

void verdict_words_repository::replace(std::int64_t person_id, std::optional<bool> fake,
                                       const std::vector<std::string>& features) {
  auto& del = db_.prepare("DELETE FROM verdict_words WHERE person_id = ?1");
  del.bind(1, person_id);
  del.run();
  if (!fake) return;
  auto& ins = db_.prepare("INSERT OR IGNORE INTO verdict_words(feature, person_id, fake) VALUES(?1, ?2, ?3)");
  for (const auto& f : features) {
    ins.bind(1, f).bind(2, person_id).bind(3, *fake);
    ins.run();
    ins.reset();
  }
}

domain::user_wording verdict_words_repository::counts(const std::vector<std::string>& features) {
  domain::user_wording out;
  auto& st = db_.prepare("SELECT sum(fake) AS fake, sum(1 - fake) AS trusted FROM verdict_words WHERE feature = ?1");
  for (const auto& f : features) {
    st.bind(1, f);
    if (st.step() && !st.is_null("fake")) {
      out.counts[f] = {static_cast<int>(st.column_int("fake")), static_cast<int>(st.column_int("trusted"))};
    }
    st.reset();
  }
  return out;
}

bool verdict_words_repository::empty() {
  auto& st = db_.prepare("SELECT 1 FROM verdict_words LIMIT 1");
  const bool any = st.step();
  st.reset();
  return !any;
}

}  // namespace vigie::storage
