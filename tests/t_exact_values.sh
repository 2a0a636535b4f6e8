# Values are exact decimals in base units, never floating point artefacts.
set -eu
out=$("$ZHSTATS" corpus/peoples-daily-2024-01-31.txt)
grep -q '^cross_province_medical_settlements,129000000,人次,' <<<"$out"
grep -q '^cross_province_advance_payment_reduction,153674000000,元,' <<<"$out"
grep -q '^inpatient_cross_province_settlements,11254800,人次,' <<<"$out"
# No exponent, no binary-fraction tails anywhere in the value column.
! tail -n +2 <<<"$out" | cut -d, -f2 | grep -Eq '[eE]|99999|00001$'
