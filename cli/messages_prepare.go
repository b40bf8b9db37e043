package cli

import "github.com/jalsa-app/jalsa/i18n"

// The messages of the commands that prepare a session.
func init() {
	// The Arabic keeps the count apart, in brackets, so that one form
	// reads right for any number of lines.
	i18n.RegisterCounted(map[string]i18n.Counted{
		"msg.budget.confirm": {Arg: 1,
			En: i18n.Forms{One: "Import this line into item %[2]d? [y/N] ", Other: "Import these %d lines into item %d? [y/N] "},
			Fr: i18n.Forms{One: "Importer cette ligne dans le point %[2]d ? [o/N] ", Other: "Importer ces %d lignes dans le point %d ? [o/N] "},
			Ar: i18n.Forms{Other: "هل تستورد هذه الأسطر (%d) إلى النقطة %d؟ [ن/لا] "}},
		"msg.budget.imported": {Arg: 1,
			En: i18n.Forms{One: "%d line imported into item %d", Other: "%d lines imported into item %d"},
			Fr: i18n.Forms{One: "%d ligne importée dans le point %d", Other: "%d lignes importées dans le point %d"},
			Ar: i18n.Forms{Other: "استوردت الأسطر (%d) إلى النقطة %d"}},
	})
	i18n.Register(map[string]i18n.Text{
		"msg.body.id":              {En: "id", Fr: "identifiant", Ar: "المعرف"},
		"msg.body.name":            {En: "name", Fr: "nom", Ar: "الاسم"},
		"msg.body.name_in":         {En: "name in", Fr: "nom en", Ar: "الاسم بلغة"},
		"msg.body.language":        {En: "language", Fr: "langue", Ar: "اللغة"},
		"msg.body.seats":           {En: "seats", Fr: "sièges", Ar: "المقاعد"},
		"msg.body.seats_auto":      {En: "%d (the members in office)", Fr: "%d (les membres en fonction)", Ar: "%d (عدد الأعضاء المزاولين)"},
		"msg.body.members":         {En: "members in office", Fr: "membres en fonction", Ar: "الأعضاء المزاولون"},
		"msg.body.quorum":          {En: "quorum by convocation", Fr: "quorum par convocation", Ar: "النصاب حسب الدعوة"},
		"msg.body.majority":        {En: "majority", Fr: "majorité", Ar: "الأغلبية"},
		"msg.body.tie":             {En: "tie", Fr: "égalité", Ar: "التعادل"},
		"msg.body.tie.president":   {En: "the presiding member's side prevails", Fr: "la voix du président de séance est prépondérante", Ar: "يرجح الجانب الذي صوت معه رئيس الجلسة"},
		"msg.body.tie.rejected":    {En: "the proposal is rejected", Fr: "le projet est rejeté", Ar: "يعتبر المقترح مرفوضا"},
		"msg.body.timezone":        {En: "time zone", Fr: "fuseau horaire", Ar: "المنطقة الزمنية"},
		"msg.body.legal_basis":     {En: "legal basis", Fr: "base légale", Ar: "السند القانوني"},
		"msg.body.created":         {En: "body %s created: add its members (jalsa members import FILE)", Fr: "assemblée %s créée : ajoutez ses membres (jalsa members import FICHIER)", Ar: "أنشئت الهيئة %s: أضف أعضاءها (jalsa members import FILE)"},
		"msg.body.changed":         {En: "body changed", Fr: "assemblée modifiée", Ar: "عدلت الهيئة"},
		"msg.no_members":           {En: "no members yet (jalsa members import FILE, jalsa members add ID --name NAME)", Fr: "pas encore de membres (jalsa members import FICHIER, jalsa members add ID --name NOM)", Ar: "لا أعضاء بعد (jalsa members import FILE أو jalsa members add ID --name الاسم)"},
		"msg.member.since":         {En: "since %s", Fr: "depuis le %s", Ar: "منذ %s"},
		"msg.member.left":          {En: "left on %s", Fr: "parti le %s", Ar: "غادر في %s"},
		"msg.members.imported":     {En: "rows: %d — arrivals: %d — changes: %d — departures: %d", Fr: "lignes : %d — arrivées : %d — changements : %d — départs : %d", Ar: "الصفوف: %d — الالتحاقات: %d — التغييرات: %d — المغادرات: %d"},
		"msg.member.added":         {En: "member %s added", Fr: "membre %s ajouté", Ar: "أضيف العضو %s"},
		"msg.member.left_recorded": {En: "departure of %s recorded", Fr: "départ de %s enregistré", Ar: "سجلت مغادرة %s"},
		"msg.member.changed":       {En: "member %s changed", Fr: "membre %s modifié", Ar: "عدلت بيانات العضو %s"},
		"msg.new":                  {En: "draft session %s made; members on its roll: %d; chair: %s", Fr: "session %s créée en projet ; membres sur sa liste : %d ; présidence : %s", Ar: "أنشئ مشروع الدورة %s؛ عدد الأعضاء في لائحتها: %d؛ الرئاسة: %s"},
		"msg.edited":               {En: "session %s changed", Fr: "session %s modifiée", Ar: "عدلت الدورة %s"},
		"msg.guests":               {En: "guests: %d", Fr: "invités : %d", Ar: "المدعوون: %d"},
		"msg.urgent":               {En: "(urgent)", Fr: "(urgent)", Ar: "(طارئة)"},
		"msg.lines":                {En: "(lines: %d)", Fr: "(lignes : %d)", Ar: "(الأسطر: %d)"},
		"msg.budget.part":          {En: "part", Fr: "partie", Ar: "الجزء"},
		"msg.budget.revenue":       {En: "revenue", Fr: "recettes", Ar: "المداخيل"},
		"msg.budget.expense":       {En: "expense", Fr: "dépenses", Ar: "المصاريف"},
		"msg.budget.balance":       {En: "balance", Fr: "solde", Ar: "الرصيد"},
		"msg.budget.total":         {En: "total", Fr: "total", Ar: "المجموع"},
		"msg.budget.balanced":      {En: "lines: %d; revenue equals expense", Fr: "lignes : %d ; les recettes égalent les dépenses", Ar: "الأسطر: %d؛ المداخيل تساوي المصاريف"},
		"msg.budget.unbalanced":    {En: "lines: %d; NOT balanced: revenue − expense = %s (the final vote is refused while a budget that must balance does not)", Fr: "lignes : %d ; NON équilibré : recettes − dépenses = %s (le vote final est refusé tant qu'un budget qui doit être équilibré ne l'est pas)", Ar: "الأسطر: %d؛ غير متوازنة: المداخيل − المصاريف = %s (يرفض التصويت النهائي ما دامت الميزانية الواجب توازنها غير متوازنة)"},
		"msg.budget.dry_run":       {En: "nothing written (--dry-run)", Fr: "rien d'écrit (--dry-run)", Ar: "لم يكتب أي شيء (--dry-run)"},
		"msg.budget.declined":      {En: "nothing imported", Fr: "rien d'importé", Ar: "لم يستورد أي شيء"},
		"err.flag_required":        {En: "%s is required", Fr: "%s est obligatoire", Ar: "%s إلزامي"},
		"err.input_too_large":      {En: "%s is larger than %d MiB", Fr: "%s dépasse %d Mio", Ar: "%s أكبر من %d ميغابايت"},
		"err.bad_flag_choice":      {En: "%s %q: allowed are %s", Fr: "%s %q : valeurs permises %s", Ar: "%s %q: القيم المسموح بها %s"},
		"err.bad_guest":            {En: "%q is not a guest's number (1, 2, …)", Fr: "%q n'est pas un numéro d'invité (1, 2, …)", Ar: "%q ليس رقم مدعو (1، 2، …)"},
		"err.bad_sitting":          {En: "sitting %d: sittings are numbered from 1", Fr: "séance %d : les séances sont numérotées à partir de 1", Ar: "الجلسة %d: ترقم الجلسات ابتداء من 1"},
	})
}
