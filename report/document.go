package report

import (
	"time"

	"github.com/jalsa-app/jalsa/model"
)

// Document is the minutes of one session as data. Every renderer reads it
// and nothing else, so the three formats cannot disagree; its JSON form is
// the output of `jalsa minutes --format json`. Times are in the body's time
// zone (Africa/Casablanca unless the body names another); text typed by
// users is kept as typed, minus control characters.
type Document struct {
	Lang  string `json:"lang"`
	Dir   string `json:"dir"`
	Draft bool   `json:"draft"`
	// State is the session's state: draft, open, suspended or closed.
	State       string       `json:"state"`
	Body        BodyInfo     `json:"body"`
	Session     SessionInfo  `json:"session"`
	Sittings    []Sitting    `json:"sittings"`
	Chair       *Person      `json:"chair,omitempty"`
	Secretary   *Person      `json:"secretary,omitempty"`
	Guests      []Guest      `json:"guests"`
	Items       []Item       `json:"items"`
	Corrections []Correction `json:"corrections"`
	Closed      time.Time    `json:"closed,omitzero"`

	// zone is the body's time zone, for the days the record keeps as
	// YYYY-MM-DD.
	zone *time.Location
}

// loc is the document's time zone.
func (d *Document) loc() *time.Location {
	if d.zone == nil {
		return (*model.Body)(nil).Location()
	}
	return d.zone
}

// BodyInfo names the assembly.
type BodyInfo struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Seats int    `json:"seats"`
	// LegalBasis is the text the minutes open with.
	LegalBasis string `json:"legal_basis,omitempty"`
	// Timezone is the zone every time of the document is in.
	Timezone string `json:"timezone"`
	// Language is the body's own language, that of its typed texts.
	Language string `json:"language"`
}

// SessionInfo is what the minutes say about the session itself.
type SessionInfo struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	// Planned is the planned date of the first sitting, YYYY-MM-DD.
	Planned string `json:"planned"`
	Place   string `json:"place,omitempty"`
	// Convened is the day the convocations were sent, YYYY-MM-DD.
	Convened string `json:"convened,omitempty"`
	// Public says whether the sittings were public (nil: not recorded).
	Public *bool `json:"public,omitempty"`
}

// Person is a member as the minutes name them.
type Person struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Role   string `json:"role,omitempty"`
	Gender string `json:"gender,omitempty"`
}

// Guest attends without a vote.
type Guest struct {
	Name   string `json:"name"`
	Role   string `json:"role,omitempty"`
	Gender string `json:"gender,omitempty"`
}

// Sitting is one meeting day: when it sat, who attended, and its quorum.
type Sitting struct {
	N    int       `json:"n"`
	Call int       `json:"call"`
	Open time.Time `json:"open"`
	// End is when the sitting was suspended or closed; zero while under way.
	End    time.Time `json:"end,omitzero"`
	Closes bool      `json:"closes_session"`
	// Present lists every member present at some time of the sitting;
	// Excused and Absent the others, in the body's order.
	Present []Person `json:"present"`
	Excused []Person `json:"excused"`
	Absent  []Person `json:"absent"`
	Moves   []Move   `json:"moves"`
	Quorum  Quorum   `json:"quorum"`
	// AtOpen were present at the roll call that opened the sitting (the
	// quorum's count), AtEnd when it ended (or now, while under way);
	// Arrivals and Departures happened between.
	AtOpen     int `json:"present_at_opening"`
	Arrivals   int `json:"arrivals"`
	Departures int `json:"departures"`
	AtEnd      int `json:"present_at_end"`
}

// Move is an arrival or a departure during a sitting.
type Move struct {
	Time   time.Time `json:"time"`
	Kind   string    `json:"kind"` // arrive | leave
	Member Person    `json:"member"`
}

// Quorum is the quorum established by a sitting's roll call.
type Quorum struct {
	Rule     string `json:"rule"`
	Call     int    `json:"call"`
	Present  int    `json:"present"`
	Seats    int    `json:"seats"`
	Required int    `json:"required"`
	Met      bool   `json:"met"`
}

// Item is one agenda item with its discussion and outcome.
type Item struct {
	N       int    `json:"n"`
	Ref     string `json:"ref"`
	Title   string `json:"title"`
	Kind    string `json:"kind"`
	Sitting int    `json:"sitting,omitempty"`
	// StartSitting is the sitting the item was taken up in, when it ended
	// in a later one (0 otherwise).
	StartSitting int           `json:"start_sitting,omitempty"`
	Started      time.Time     `json:"started,omitzero"`
	Ended        time.Time     `json:"ended,omitzero"`
	Outcome      model.Outcome `json:"outcome"`
	// Text is the decision text (the draft text when not adopted).
	Text     string    `json:"text,omitempty"`
	Notes    []Note    `json:"notes"`
	Speakers []Speaker `json:"speakers"`
	Vote     *Vote     `json:"vote,omitempty"`
	Budget   *Budget   `json:"budget,omitempty"`
	// Result is the sentence that states the decision.
	Result string `json:"result"`
	// Urgent is set on an item added to the agenda during the session.
	Urgent *Urgent `json:"urgent,omitempty"`
}

// Urgent says when an urgent item was added to the agenda, and why.
type Urgent struct {
	Time    time.Time `json:"time"`
	Sitting int       `json:"sitting"`
	Reason  string    `json:"reason"`
}

// Note is a discussion note.
type Note struct {
	Time time.Time `json:"time"`
	Text string    `json:"text"`
}

// Speaker is a member, or a guest (without an id), who took the floor on
// an item.
type Speaker struct {
	Member Person    `json:"member"`
	Start  time.Time `json:"start"`
	End    time.Time `json:"end,omitzero"`
	// Sitting is the sitting the speaker spoke in.
	Sitting int `json:"sitting,omitempty"`
}

// Vote is one recorded vote, its figures and its explanation in the
// language of the minutes.
type Vote struct {
	Time        time.Time      `json:"time"`
	Sitting     int            `json:"sitting"`
	For         int            `json:"for"`
	Against     int            `json:"against"`
	Abstain     int            `json:"abstain"`
	Present     int            `json:"present"`
	Seats       int            `json:"seats"`
	Quorum      int            `json:"quorum"`
	Rule        model.Majority `json:"rule"`
	Tie         model.TieRule  `json:"tie"`
	Chair       model.Choice   `json:"chair,omitempty"`
	Outcome     model.Outcome  `json:"outcome"`
	Explanation string         `json:"explanation"`
	// Named holds the roll call when the vote was taken by name.
	Named     *Named `json:"named,omitempty"`
	Corrected bool   `json:"corrected"`
}

// Named is a roll-call vote grouped by choice; NoVote lists the members
// present who did not vote.
type Named struct {
	For     []Person `json:"for"`
	Against []Person `json:"against"`
	Abstain []Person `json:"abstain"`
	NoVote  []Person `json:"no_vote"`
}

// Budget is a budget item's lines, totals and balance.
type Budget struct {
	Mode     string      `json:"mode"` // lines | whole
	Balanced bool        `json:"must_balance"`
	Lines    []Line      `json:"lines"`
	Parts    []PartTotal `json:"parts"`
	Revenue  model.Cents `json:"revenue"`
	Expense  model.Cents `json:"expense"`
	// Balance is revenue minus expense.
	Balance model.Cents `json:"balance"`
}

// Line is one budget line with its amendments and vote.
type Line struct {
	Ref    string      `json:"ref"`
	Code   string      `json:"code"`
	Label  string      `json:"label"`
	Kind   string      `json:"kind"`
	Part   string      `json:"part,omitempty"`
	Amount model.Cents `json:"amount"`
	// Original is the amount before the first amendment.
	Original   *model.Cents  `json:"original,omitempty"`
	Amendments []Amendment   `json:"amendments"`
	Outcome    model.Outcome `json:"outcome"`
	Vote       *Vote         `json:"vote,omitempty"`
}

// Amendment is a change of a line's amount before its vote.
type Amendment struct {
	Time   time.Time   `json:"time"`
	From   model.Cents `json:"from"`
	To     model.Cents `json:"to"`
	Reason string      `json:"reason"`
}

// PartTotal is a budget part's revenue and expense.
type PartTotal struct {
	Part string `json:"part"`
	// Name is the part's name, if the budget gives one.
	Name    string      `json:"name,omitempty"`
	Revenue model.Cents `json:"revenue"`
	Expense model.Cents `json:"expense"`
}

// Correction is a vote replaced by a later count, with why.
type Correction struct {
	Ref      string    `json:"ref"`
	Time     time.Time `json:"time"`
	Reason   string    `json:"reason"`
	Previous Vote      `json:"previous"`
}
