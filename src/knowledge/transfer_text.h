#pragma once

// Private to the knowledge module: the words of a transfer analysis, from the framework's
// templates (frameworks/transfer-context.yaml: ops, texts, flags).

#include <string>
#include <vector>

#include "ecosol/knowledge/case.h"
#include "ecosol/knowledge/context.h"
#include "ecosol/knowledge/framework.h"
#include "ecosol/knowledge/transfer.h"

namespace ecosol::knowledge::internal {

// A value of `feature` in words: shares as percentages, levels, choices and list items by their
// labels (lists joined), bools as yes / no, null as unknown.
Text ValueText(const TransferFramework& framework, const Feature& feature,
               const FeatureValue* value);

// The placeholders of a sentence about one dependency: element, feature, expected, target,
// origin, question.
std::map<std::string, Text> DependencyWords(const TransferFramework& framework,
                                            const Feature& feature, const CoreElement& element,
                                            const Dependency& dependency,
                                            const FeatureValue* origin, const FeatureValue* target);

// The placeholders of a difference on an undeclared feature: feature, origin, target.
std::map<std::string, Text> DifferenceWords(const TransferFramework& framework,
                                            const Feature& feature, const FeatureValue& origin,
                                            const FeatureValue& target);

// Sets analysis->verdict and analysis->judgement from its flags, fits, unknowns and the
// features that differ without a declared dependency.
void Judge(const TransferFramework& framework, const Case& c, const ContextProfile& target,
           const std::vector<std::string>& differing_features, TransferAnalysis* analysis);

}  // namespace ecosol::knowledge::internal
