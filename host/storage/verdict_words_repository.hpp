#pragma once
// The wording of the notes of people the user marked fake or trusted
// (schema v7, table verdict_words): the counts behind domain::user_wording.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/user_wording.hpp"
#include "storage/database.hpp"

namespace vigie::storage {

class verdict_words_repository {
 public:
  explicit verdict_words_repository(database& db) : db_(db) {}

  // The person's rows become `features` with their verdict (fake or not);
  // no verdict (nullopt) removes them.
  void replace(std::int64_t person_id, std::optional<bool> fake, const std::vector<std::string>& features);

  // For each of `features` that some marked note used: in how many people's
  // notes marked fake, and trusted.
  domain::user_wording counts(const std::vector<std::string>& features);

  // True when the user has marked no note yet (the common case: no query).
  bool empty();

 private:
  database& db_;
};

}  // namespace vigie::storage
