package report

import "github.com/jalsa-app/jalsa/i18n"

// papersWording is the wording of the convocation, the attendance sheet
// and the urgent items of the minutes, in the three languages, for the
// report's catalog (wording).
func papersWording() map[string]i18n.Text {
	texts := map[string]i18n.Text{
		"paper.session":       {Ar: "الدورة %s %s", Fr: "la session %s %s", En: "the %s session %s"},
		"paper.session.plain": {Ar: "الدورة %s", Fr: "la session %s", En: "the %s session"},
		"conv.title":          {Ar: "استدعاء لحضور أشغال %s", Fr: "convocation à %s", En: "convocation to %s"},
		"conv.blank":          {Ar: "……………", Fr: "……………", En: "……………"},
		"conv.dated":          {Ar: "%s في %s", Fr: "%s, le %s", En: "%s, %s"},
		"conv.to":             {Ar: "إلى %s", Fr: "À %s", En: "To %s"},
		"conv.subject":        {Ar: "الموضوع", Fr: "Objet", En: "Subject"},
		"conv.member":         {Ar: "عضو الجمعية العامة", Fr: "membre de l'assemblée générale", En: "member of the general assembly"},
		"conv.member.f":       {Ar: "عضوة الجمعية العامة", Fr: "membre de l'assemblée générale", En: "member of the general assembly"},
		"conv.greeting":       {Ar: "سلام تام بوجود مولانا الإمام المؤيد بالله، وبعد،", Fr: "Madame, Monsieur,", En: "Dear Member,"},
		"conv.greeting.m":     {Ar: "سلام تام بوجود مولانا الإمام المؤيد بالله، وبعد،", Fr: "Monsieur,", En: "Dear Sir,"},
		"conv.greeting.f":     {Ar: "سلام تام بوجود مولانا الإمام المؤيد بالله، وبعد،", Fr: "Madame,", En: "Dear Madam,"},
		"conv.body": {
			Ar: "يشرفني أن أدعوكم لحضور أشغال %s التي ستعقدها %s يوم %s على الساعة %s%s، للتداول في جدول الأعمال التالي:",
			Fr: "J'ai l'honneur de vous convoquer à %s de l'assemblée « %s », qui se tiendra le %s à %s%s, avec l'ordre du jour suivant :",
			En: "I have the honour to convene you to %s of “%s”, to be held on %s at %s%s, with the following agenda:"},
		"conv.body.cont": {
			Ar: "يشرفني أن أدعوكم لحضور أشغال %s التي ستعقدها %s يوم %s على الساعة %s%s، للتداول في جدول الأعمال التالي:",
			Fr: "j'ai l'honneur de vous convoquer à %s de l'assemblée « %s », qui se tiendra le %s à %s%s, avec l'ordre du jour suivant :",
			En: "I have the honour to convene you to %s of “%s”, to be held on %s at %s%s, with the following agenda:"},
		"conv.excuse":    {Ar: "وفي حالة تعذر حضوركم، يرجى إخبارنا بذلك قبل موعد انعقاد الدورة.", Fr: "En cas d'empêchement, je vous prie de bien vouloir nous en informer avant la session.", En: "Should you be unable to attend, please let us know before the session."},
		"conv.closing":   {Ar: "وتفضلوا بقبول فائق عبارات التقدير والاحترام.", Fr: "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.", En: "Yours faithfully,"},
		"conv.closing.m": {Ar: "وتفضلوا بقبول فائق عبارات التقدير والاحترام.", Fr: "Veuillez agréer, Monsieur, l'expression de ma considération distinguée.", En: "Yours faithfully,"},
		"conv.closing.f": {Ar: "وتفضلوا بقبول فائق عبارات التقدير والاحترام.", Fr: "Veuillez agréer, Madame, l'expression de ma considération distinguée.", En: "Yours faithfully,"},
		"conv.signer":    {Ar: "الرئيس", Fr: "Le président", En: "The President"},
		"conv.signer.f":  {Ar: "الرئيسة", Fr: "La présidente", En: "The President"},
		"att.title":      {Ar: "ورقة الحضور", Fr: "Feuille d'émargement", En: "Attendance sheet"},
		"att.col.n":      {Ar: "ر.ت", Fr: "N°", En: "No."},
		"att.col.name":   {Ar: "الاسم الكامل", Fr: "Nom et prénom", En: "Name"},
		"att.col.role":   {Ar: "الصفة", Fr: "Qualité", En: "Office"},
		"att.col.sign":   {Ar: "التوقيع", Fr: "Signature", En: "Signature"},
		"att.count":      {Ar: "عدد الأعضاء المدرجين: %d — عدد المقاعد: %d — عدد الحاضرين: ……………", Fr: "Membres inscrits : %d — sièges : %d — présents : ……………", En: "Members on the roll: %d — seats: %d — present: ……………"},
		"urgent.mark":    {Ar: "نقطة طارئة", Fr: "Point urgent", En: "Urgent item"},
		"urgent.added":   {Ar: "أدرجت في جدول الأعمال أثناء الدورة، %s، للسبب التالي:", Fr: "inscrit à l'ordre du jour en cours de session, %s, pour le motif suivant :", En: "added to the agenda during the session, %s, for this reason:"},
		"urgent.short":   {Ar: "نقطة طارئة", Fr: "point urgent", En: "urgent item"},
	}
	out := make(map[string]i18n.Text, len(texts))
	for k, t := range texts {
		out["report."+k] = t
	}
	return out
}
