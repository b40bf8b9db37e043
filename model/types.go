// Package model is jalsa's domain: bodies, sessions, sittings, items, votes and
// budget lines, the rules engine, and the commands that turn a request into an
// event. It does no I/O: the store persists what it returns.
package model

import "time"

// Kinds of agenda item.
const (
	KindProcedural = "procedural"
	KindMinutes    = "minutes"
	KindReport     = "report"
	KindAgreement  = "agreement"
	KindRegulation = "regulation"
	KindBudget     = "budget"
	KindOther      = "other"
)

// ItemKinds lists every item kind in the order the SPEC gives them.
var ItemKinds = []string{KindProcedural, KindMinutes, KindReport, KindAgreement, KindRegulation, KindBudget, KindOther}

// Outcome is the result of an item or a budget line.
type Outcome string

// Outcomes of SPEC §1.
const (
	Adopted   Outcome = "adopted"
	Rejected  Outcome = "rejected"
	Deferred  Outcome = "deferred"
	Withdrawn Outcome = "withdrawn"
	Noted     Outcome = "noted"
	Pending   Outcome = "pending"
)

// Outcomes lists every outcome.
var Outcomes = []Outcome{Adopted, Rejected, Deferred, Withdrawn, Noted, Pending}

// Majority names a majority rule of SPEC §2.
type Majority string

// Majority rules.
const (
	MajorityCast             Majority = "cast"
	MajorityVoting           Majority = "voting"
	MajorityPresent          Majority = "present"
	MajoritySeats            Majority = "seats"
	MajorityTwoThirdsCast    Majority = "two-thirds-cast"
	MajorityTwoThirdsPresent Majority = "two-thirds-present"
	MajorityTwoThirdsSeats   Majority = "two-thirds-seats"
	MajorityUnanimous        Majority = "unanimous"
)

// Majorities lists every majority rule.
var Majorities = []Majority{MajorityCast, MajorityVoting, MajorityPresent, MajoritySeats,
	MajorityTwoThirdsCast, MajorityTwoThirdsPresent, MajorityTwoThirdsSeats, MajorityUnanimous}

// TieRule says how a tie under `cast` or `voting` is broken.
type TieRule string

// Tie rules.
const (
	TiePresident TieRule = "president"
	TieRejected  TieRule = "rejected"
)

// Choice is one member's vote, or the presiding member's side on a tie.
type Choice string

// Choices.
const (
	For     Choice = "for"
	Against Choice = "against"
	Abstain Choice = "abstain"
	NoVote  Choice = "" // not voting / unknown
)

// Presence is a member's attendance status in a sitting.
type Presence string

// Presence values.
const (
	Present Presence = "present"
	Absent  Presence = "absent"
	Excused Presence = "excused"
)

// Session states.
const (
	StateDraft     = "draft"
	StateOpen      = "open"
	StateSuspended = "suspended"
	StateClosed    = "closed"
)

// Item states: an item is waiting, under discussion (and open for its votes), or ended.
const (
	ItemWaiting = "waiting"
	ItemOpen    = "open"
	ItemEnded   = "ended"
)

// Rules are a body's procedure rules.
type Rules struct {
	// Quorum per convocation: "majority", "third", "none" or an integer.
	Quorum   []string `json:"quorum"`
	Majority Majority `json:"majority"`
	Tie      TieRule  `json:"tie"`
}

// DefaultRules are the rules of a Moroccan chamber when the file gives none.
func DefaultRules() Rules {
	return Rules{Quorum: []string{"majority", "majority", "none"}, Majority: MajorityCast, Tie: TiePresident}
}

// Genders a member or guest may carry, so that titles and honorifics agree
// (كاتبة الجلسة, La secrétaire de séance); "" is not stated.
const (
	Female = "f"
	Male   = "m"
)

// Member is a voting member of a body.
type Member struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Role  string `json:"role,omitempty"`
	Group string `json:"group,omitempty"`
	// Gender is Female, Male or "" (not stated).
	Gender string `json:"gender,omitempty"`
	// Since is the day the member took office, YYYY-MM-DD ("" : not
	// recorded, a member from the start); Until the day they left ("" : in
	// office), and Reason why. A member is on the roll of the sessions
	// dated from Since to the day before Until (roster.go).
	Since  string `json:"since,omitempty"`
	Until  string `json:"until,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Body is an assembly with its members and rules.
type Body struct {
	ID       string            `json:"id"`
	Name     string            `json:"name"`
	Names    map[string]string `json:"names,omitempty"`
	Language string            `json:"language"`
	Seats    int               `json:"seats"`
	Rules    Rules             `json:"rules"`
	Members  []Member          `json:"members"`
	// LegalBasis is the text the minutes open with: the law and articles
	// under which the body sits.
	LegalBasis string `json:"legal_basis,omitempty"`
	// Timezone is the IANA zone every time of the body's sessions is shown
	// in; "" is DefaultTimezone. Location resolves it.
	Timezone string `json:"timezone,omitempty"`
	// Changes logs every arrival, departure and change of a member, and
	// every change of the terms above, made after the body was created
	// (roster.go), so that a closed session keeps the body it had.
	Changes []BodyChange `json:"changes,omitempty"`
}

// Guest attends a session without a vote.
type Guest struct {
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
	// Gender is Female, Male or "" (not stated).
	Gender string `json:"gender,omitempty"`
}

// Session is a nominal session of a body with its agenda and sittings.
type Session struct {
	ID    string `json:"id"`
	Body  string `json:"body"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Date  string `json:"date"`
	// Time is when the first sitting is called, HH:MM in the body's time
	// zone ("" : not stated), for the convocations.
	Time      string  `json:"time,omitempty"`
	Place     string  `json:"place,omitempty"`
	Chair     string  `json:"chair"`
	Secretary string  `json:"secretary,omitempty"`
	Guests    []Guest `json:"guests,omitempty"`
	// SpeakingTime is how long a speaker may hold the floor, in seconds
	// (0: no limit); screens mark a turn that runs over it.
	SpeakingTime int        `json:"speaking_time,omitempty"`
	State        string     `json:"state"`
	Items        []*Item    `json:"items"`
	Sittings     []*Sitting `json:"sittings,omitempty"`
	// Current is the number of the item under way (0: none).
	Current int       `json:"current,omitempty"`
	Created time.Time `json:"created"`
	Closed  time.Time `json:"closed,omitzero"`
	// Convened is the day the convocations were sent, YYYY-MM-DD ("" if
	// not recorded).
	Convened string `json:"convened,omitempty"`
	// Public says whether the sittings are open to the public; nil when
	// the session file does not say, and the minutes then say nothing.
	Public *bool `json:"public,omitempty"`
	// RollAt is how many of its body's member changes were recorded when
	// the session closed: its roll stays the one they give (roster.go).
	RollAt int `json:"roll_at,omitempty"`
}

// Sitting is one meeting day of a session.
type Sitting struct {
	N    int       `json:"n"`
	Call int       `json:"call"`
	Open time.Time `json:"open"`
	End  time.Time `json:"end,omitzero"`
	// Attendance maps member id to presence; members not in it are absent.
	Attendance map[string]Presence `json:"attendance"`
	// Moves logs every attendance change with its time, for the minutes.
	Moves []Move `json:"moves,omitempty"`
}

// Move is one attendance change.
type Move struct {
	Time     time.Time `json:"time"`
	Member   string    `json:"member"`
	Presence Presence  `json:"presence"`
	// Kind is "roll" for the roll call, "arrive" or "leave" during the sitting.
	Kind string `json:"kind"`
}

// Item is an agenda entry.
type Item struct {
	N     int    `json:"n"`
	Title string `json:"title"`
	Kind  string `json:"kind"`
	Text  string `json:"text,omitempty"`
	// Majority overrides the body's rule for this item.
	Majority Majority `json:"majority,omitempty"`
	// Votes says whether the item takes a vote.
	Votes bool `json:"votes"`
	// VoteMode is "lines" or "whole" for budget items.
	VoteMode string        `json:"vote_mode,omitempty"`
	Balanced bool          `json:"balanced,omitempty"`
	Lines    []*BudgetLine `json:"lines,omitempty"`
	State    string        `json:"state"`
	Outcome  Outcome       `json:"outcome"`
	Vote     *Vote         `json:"vote,omitempty"`
	// Corrections keeps every replaced vote of the item.
	Corrections []Correction `json:"corrections,omitempty"`
	Notes       []Note       `json:"notes,omitempty"`
	Speakers    []Speaker    `json:"speakers,omitempty"`
	Started     time.Time    `json:"started,omitzero"`
	Ended       time.Time    `json:"ended,omitzero"`
	Sitting     int          `json:"sitting,omitempty"`
	// Parts names a budget's parts by their key in the lines' part field
	// ("1": "مداخيل التسيير"), so the minutes can say «الجزء الأول:
	// مداخيل التسيير».
	Parts map[string]string `json:"parts,omitempty"`
	// Urgent is set on an item added once the session was open
	// (agenda.go).
	Urgent *Urgent `json:"urgent,omitempty"`
}

// BudgetLine is one line of a budget item. Amounts are integer centimes.
type BudgetLine struct {
	Code        string       `json:"code"`
	Label       string       `json:"label"`
	Kind        string       `json:"kind"` // revenue | expense
	Part        string       `json:"part,omitempty"`
	Amount      Cents        `json:"amount"`
	Amendments  []Amendment  `json:"amendments,omitempty"`
	Outcome     Outcome      `json:"outcome"`
	Vote        *Vote        `json:"vote,omitempty"`
	Corrections []Correction `json:"corrections,omitempty"`
}

// Amendment changes a budget line's amount; the old amount and the reason are kept.
type Amendment struct {
	Time   time.Time `json:"time"`
	From   Cents     `json:"from"`
	To     Cents     `json:"to"`
	Reason string    `json:"reason"`
	By     string    `json:"by,omitempty"`
}

// Vote is the record of one vote.
type Vote struct {
	Time    time.Time `json:"time"`
	Sitting int       `json:"sitting"`
	For     int       `json:"for"`
	Against int       `json:"against"`
	Abstain int       `json:"abstain"`
	// Named holds roll-call votes by member id, when taken by name.
	Named map[string]Choice `json:"named,omitempty"`
	// PresentIDs are the voting members present at the vote.
	PresentIDs []string `json:"present_ids"`
	Present    int      `json:"present"`
	Seats      int      `json:"seats"`
	Quorum     int      `json:"quorum"`
	Rule       Majority `json:"rule"`
	Tie        TieRule  `json:"tie"`
	Chair      Choice   `json:"chair,omitempty"`
	Outcome    Outcome  `json:"outcome"`
	// Explanation is the one-line account of the outcome, in English; Explain
	// renders it in other languages from the same figures.
	Explanation string `json:"explanation"`
	By          string `json:"by,omitempty"`
}

// Correction keeps a replaced vote and why it was replaced.
type Correction struct {
	Time     time.Time `json:"time"`
	Previous Vote      `json:"previous"`
	Reason   string    `json:"reason"`
	By       string    `json:"by,omitempty"`
}

// Note is a discussion note on an item. A correction keeps the earlier
// wording in Edits and a withdrawal keeps the note, marked, as a vote
// correction keeps the vote it replaces.
type Note struct {
	Time time.Time `json:"time"`
	Text string    `json:"text"`
	By   string    `json:"by,omitempty"`
	// Edits are the earlier wordings, oldest first.
	Edits     []NoteEdit `json:"edits,omitempty"`
	Withdrawn time.Time  `json:"withdrawn,omitzero"`
}

// NoteEdit is one correction of a note: when and by whom it was made, and
// the wording it replaced.
type NoteEdit struct {
	Time time.Time `json:"time"`
	Text string    `json:"text"`
	By   string    `json:"by,omitempty"`
}

// Live reports that the note has not been withdrawn.
func (n Note) Live() bool { return n.Withdrawn.IsZero() }

// LiveNotes are the notes that have not been withdrawn, in order.
func LiveNotes(notes []Note) []Note {
	var out []Note
	for _, n := range notes {
		if n.Live() {
			out = append(out, n)
		}
	}
	return out
}

// Speaker is one entry of an item's list of speakers: a member, or a guest
// of the session (by name) given the floor.
type Speaker struct {
	Member string    `json:"member,omitempty"`
	Guest  string    `json:"guest,omitempty"`
	Added  time.Time `json:"added"`
	Start  time.Time `json:"start,omitzero"`
	End    time.Time `json:"end,omitzero"`
}

// Speaking reports that the speaker holds the floor now.
func (sp Speaker) Speaking() bool { return !sp.Start.IsZero() && sp.End.IsZero() }
