#!/usr/bin/env bash
# make-r1-db.sh: makes cli/testdata/r1, a small record written by round one
# (commit 1433e3a, before the body's roster of issue 17 and the floor turns
# of issue 13), with what that binary showed of it, for TestRoundOneRecord:
#
#   - the demo June 2024 session conducted and closed by demo/2024-06.script;
#   - the October 2024 session conducted in part (speakers, a note, a
#     correction, a deferral, an amendment, a roll-call vote, a suspension)
#     and left open in its second sitting;
#   - three decisions of a past register (import-decisions);
#   - jalsa.db, and round one's `sessions`, `status`, `decisions`, `show`
#     and `minutes` of it as JSON (*.json).
#
# The round-one binary is built from the commit in a temporary directory;
# the test uses only what this writes, never a binary built at test time.
#
#   scripts/make-r1-db.sh
set -euo pipefail

commit=1433e3a
cd "$(dirname "$0")/.."
out=cli/testdata/r1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
git archive "$commit" | tar -x -C "$work/src"
(cd "$work/src" && go build -o "$work/jalsa" .)

export JALSA_DB="$work/jalsa.db" JALSA_LANG=ar LANG=C.UTF-8
j() { "$work/jalsa" "$@"; }

j init "$work/src/demo/2024-06.yaml"
while IFS= read -r line; do
	case "$line" in '' | '#'*) continue ;; esac
	eval "j $line"
done <"$work/src/demo/2024-06.script"

s=2024-10
j init "$work/src/demo/2024-10.yaml"
j open $s --call 1
j attend $s --present all --absent m80,m81 --excused m82
j item $s 1 start
j speaker $s 1 m03 add
j speaker $s 1 m03 start
j vote $s 1 --for 70 --against 0 --abstain 9
j item $s 2 start
j item $s 2 note "تساءل عدد من الأعضاء عن حصيلة التكوين بالتدرج المهني."
j speaker $s 2 m05 add
j speaker $s 2 m07 add
j speaker $s 2 m05 start
j speaker $s 2 m05 done
j speaker $s 2 m07 remove
j item $s 2 done
j item $s 3 start
j vote $s 3 --for 40 --against 30 --abstain 9
j correct $s 3 --reason "خطأ في عد الأصوات" --for 41 --against 29 --abstain 9
j item $s 4 defer
j suspend $s
j open $s
j attend $s --present all --absent m80,m81
j attend $s --leave m44
j item $s 5 start
j speaker $s 5 m10 start
j vote $s 5 --named m01=for,m02=against,m03=abstain --rest for
j item $s 10 start
j amend $s 10 I.1.1 4900000 --reason "تحيين توقعات الرسم المهني"
j amend $s 10 IV.9.1 180610.15 --reason "موازنة التعديل"
j vote $s 10 --line I.1.1 --for 60 --against 10 --abstain 8
j vote $s 10 --line IV.9.1 --for 61 --against 9 --abstain 8

cat >"$work/register.csv" <<'CSV'
ref,session,date,item,line,title,kind,outcome,for,against,abstain,present,seats,rule,explanation,text
2019-02/3,2019-02,2019-02-25,3,,اتفاقية شراكة مع جماعة فاس لتأهيل سوق الصفارين,agreement,adopted,51,4,2,57,82,cast,,تصادق الجمعية العامة على اتفاقية الشراكة مع جماعة فاس لتأهيل سوق الصفارين.
2019-02/4,2019-02,2019-02-25,4,,Convention avec l'OFPPT pour la formation par apprentissage,agreement,adopted,49,0,8,57,82,cast,,L'assemblée approuve la convention avec l'OFPPT.
2019-06/2,2019-06,2019-06-24,2,,تعديل النظام الداخلي للغرفة,regulation,rejected,30,25,3,58,82,two-thirds-present,,
CSV
j import-decisions "$work/register.csv"
j verify

rm -rf "$out"
mkdir -p "$out"
j sessions --json >"$out/sessions.json"
j decisions --json --limit 1000 >"$out/decisions.json"
for id in 2024-06 2024-10; do
	j status $id --json >"$out/status-$id.json"
	j minutes $id --format json >"$out/minutes-$id.json"
done
refs=$(grep -o '"ref": *"[^"]*"' "$out/decisions.json" | sed 's/.*"\([^"]*\)"$/\1/')
for ref in $refs; do
	j show "$ref" --json >"$out/show-${ref//\//_}.json"
done
cp "$JALSA_DB" "$out/jalsa.db"
echo "$out: $(ls "$out" | wc -l) files from $commit"
