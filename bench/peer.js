// peer.js: the peer for `make bench`: Microsoft Recognizers-Text (npm
// @microsoft/recognizers-text-suite 1.3.1, installed by bench/bench.sh into
// the build folder), Chinese culture, the number, percentage, currency and
// dimension models, one call of each per paragraph (non-empty line) of FILE.
//
//   NODE_PATH=build/bench/peer/node_modules node bench/peer.js FILE
//
// Prints "paragraphs N results N seconds S": S is the time of the calls
// alone (the models are built once, before the clock starts).
'use strict';
const fs = require('fs');
const { Culture } = require('@microsoft/recognizers-text-suite');
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');

const culture = Culture.Chinese;
const num = new NumberRecognizer(culture);
const unit = new NumberWithUnitRecognizer(culture);
const models = [num.getNumberModel(), num.getPercentageModel(), unit.getCurrencyModel(),
                unit.getDimensionModel()];
const paras = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.trim());
let results = 0;
const t0 = process.hrtime.bigint();
for (const p of paras)
  for (const m of models)
    results += m.parse(p).length;
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`paragraphs ${paras.length} results ${results} seconds ${s.toFixed(3)}`);
