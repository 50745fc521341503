# Kindred's interface in English, the default language and the language of the accessible
# names in UI-CONTRACT.md. Every message here must exist in zh-Hant.ftl too, with the same
# variables (a test checks).
#
# The build makes this file into Rust (i18n/build/main.rs): a message without variables is a
# function of its id, text::save(); a message with variables is a struct with one field per
# variable, words::Imported { count, shown }, so that a misspelt id or argument does not
# compile. Messages numbered name_1, name_2, … are one function, name_n(number). A selector
# may choose only by a number ([one], [other], [0]): to say something per word, write one
# message per word.

## Phrases: one fixed text each, called as text::<id>() in the app.

app_name = Kindred
# The screens: each one's link in the Main navigation and its heading.
screen_journal = Journal
screen_helpers = Helpers
screen_needs = Needs
screen_share = Share
screen_insights = Insights
screen_settings = Settings
tagline = Notice kindness. Help each other.
main_nav = Main
skip_to_content = Skip to content
update_ready = A new version of Kindred is ready. Your data stays as it is.
reload_to_update = Reload to update
log_a_kindness = Log a kindness
new_entry = New kindness
edit_entry = Edit kindness
what_happened = What happened
kind_label = Kind
date_label = Date
person = Person
category = Category
no_category = (none)
tags = Tags
tags_hint = Separate with commas
private_note = Private note
private_note_hint = Only for you: never shared unless you choose to.
save = Save
cancel = Cancel
edit = Edit
delete = Delete
undo = Undo
search = Search
journal_entries = Journal entries
no_entries = Nothing here yet. When you notice a kindness, given, received or witnessed, log it here.
no_matches = No entries match your search.
entry_deleted = Entry deleted.
entry_saved = Entry saved.
fix_the_form = Please check the form:
show_more = Show more
filters = Filters
filter_kind = Filter by kind
filter_category = Filter by category
from_date = From date
to_date = To date
all_kinds = All kinds
all_categories = All categories
clear_filters = Clear filters
today_panel = Today
idea_for_today = An idea for today
another_idea = Another idea
i_did_this = I did this
weekly_goal = Weekly goal
streaks_label = Streaks
your_year = Your year of kindness
calendar = Calendar of the last 12 months
calendar_help = Use the arrow keys to move between days.
period_label = Period
counts_by_kind = By kind
counts_by_category = By category
no_categories_yet = No entries with a category in this period.
add_helper = Add helper
new_helper = New helper
edit_helper = Edit helper
name = Name
can_help_with = Can help with
languages = Languages
languages_hint = Separate with commas, for example: Cantonese, English
days_free = Days free
times_of_day = Times of day
availability_label = Availability
availability_hint = Anything else about when, for example: not in school holidays
area = Area
phone = Phone
email = Email
preferred_contact = Preferred contact
no_preference = No preference
last_contacted = Last contacted
helpers_list = Helpers
no_helpers = No helpers yet. Add the neighbours and volunteers who can help, and with what.
no_helper_matches = No helpers match your search.
helper_deleted = Helper deleted.
helper_saved = Helper saved.
filter_language = Filter by language
filter_day = Filter by day
all_languages = All languages
any_day = Any day
call = Call
write = Email
not_a_link = (not a valid number or address, so not a link)
add_need = Add need
new_need = New need
edit_need = Edit need
what_is_needed = What is needed
for_whom = For whom
urgency_label = Urgency
their_language = Their language
their_language_hint = Helpers who speak it are suggested first.
needed_by = Needed by
follow_up_on = Follow up on
follow_up_hint = The day to check that the need was met.
notes = Notes
needs_list = Needs
no_needs = No needs on the board. Add one when a neighbour needs a hand.
need_deleted = Need deleted.
need_saved = Need saved.
match_button = Match
mark_done = Mark done
reopen = Reopen
suggested_helpers = Suggested helpers
no_helpers_to_suggest = There are no other helpers in the directory yet.
close = Close
follow_up_due = Follow-up due
follow_ups_due_heading = Follow-ups due
open_needs = Open the needs board
log_it = Log it in your journal?
log_as_given = Log as given
log_as_received = Log as received
no_thanks = No thanks
logged_in_journal = Logged in your journal.
need_done = Marked done.
status_label = Status
send_heading = Send to a neighbour
send_hint = Choose what to put in the file. You can give it to a neighbour by message, e-mail or USB stick.
what_to_share = What to put in the file
share_helpers = Helper directory
share_needs = Needs board
share_journal = Journal entries
share_private = Private notes
export = Export
share_file = Share…
nothing_chosen = Choose at least one thing to put in the file.
take_in_heading = Take in a neighbour's file
take_in_hint = Choose a Kindred file, or drop it here. Nothing changes until you confirm, and you can undo it afterwards.
import_file = Import file
import_preview = Import preview
confirm_import = Confirm import
cancel_import = Cancel import
undo_last_import = Undo last import
import_cancelled = Import cancelled. Nothing was changed.
import_undone = The last import was undone. Your data is as it was before it.
import_nothing_new = Everything in this file is already here: importing it would change nothing.
import_no_private = This file has no private notes. Your own private notes are kept.
new_records = New
updated_records = Updated
conflicts = In conflict
conflict_hint = Neither copy was made from the other: you and someone else changed these apart. Choose for each; if you do not, both versions are kept, the more recently changed one shown, and Share, Conflicts to review, asks you later.
yours = Yours
theirs = Theirs
keep_mine = Keep mine
take_theirs = Take theirs
keep_both = Keep both
skipped_records = Cannot be read
skip_consent = Leave these out and import the rest
skip_needed = Some records in this file cannot be read. Tick the box to leave them out before you confirm.
deleted_by_file = deleted by the sender
other_formats = Other formats
other_formats_hint = For spreadsheets, phone contacts, calendars and paper. These files include everything except private notes.
journal_csv = Journal as CSV
helpers_csv = Helpers as CSV
needs_csv = Needs as CSV
helpers_vcard = Helpers as phone contacts (vCard)
follow_ups_ics = Follow-up dates for a calendar (ICS)
print_directory = Print the directory and open needs
open_needs_heading = Open needs
no_follow_ups = There are no follow-up dates to put in a calendar.
qr_code = QR code
qr_hint = Another phone's camera can read this code and take it into its Kindred. It goes from phone to phone and nowhere else; private notes are left out.
qr_too_long = This is too long for a QR code. Use Export on the Share screen instead.
display_settings = Language and display
language = Language
language_of_device = Same as this device
theme = Colours
theme_system = Same as this device
theme_light = Light
theme_dark = Dark
large_text = Large text
large_text_hint = Makes all text and buttons larger.
journal_settings = Journal
hide_streaks = Hide streaks
hide_streaks_hint = Streaks count days and weeks in a row with a kindness given. Some people find them a pressure.
weekly_goal_hint = How many acts of kindness you would like to give each week.
categories = Categories
new_category = New category
add_category = Add category
category_not_added = That category is empty or already in the list.
settings_saved = Settings saved.
remove = Remove
download_all_data = Download all data
persistent_storage = Kept safe by the browser?
persistent_not_asked = Kindred asks the browser once you have written something down.
persistent_granted = Yes: the browser will not clear Kindred's data to free space.
persistent_refused = Not yet: the browser may clear Kindred's data if the device runs short of space. Installing Kindred, or using it often, usually changes that. Keep a backup with Download all data.
persistent_unknown = This browser does not say. Keep a backup with Download all data.
download_all_data_hint = A complete backup file of everything Kindred keeps in this browser, including any text it could not read.
your_data = Your data
backup_health = Backup health
no_copy_yet = No copy of your data has been kept yet.
storage_used_unknown = This browser does not say how full its storage is.
backup_reminder = It is a while since you kept a copy of your data. If this phone is lost or the browser is cleared, what you wrote goes with it. Download all data and keep the file somewhere safe, such as your e-mail or a computer.
keep_a_copy = Keep a copy in Settings
data_lives_here = Kindred keeps everything in this browser on this device. Nothing is sent anywhere unless you export it or connect a group folder.
dismiss = Dismiss
try_again = Try again
download_unreadable = Download unreadable data
unreadable_found = Some saved data could not be read.
unreadable_kept = Kindred started with everything else. The unreadable text is kept as it was, and you can download it to look at it or to ask for help.
unreadable_not_kept = Kindred could not set the unreadable text aside, so it leaves it where it is and will not write over it.
saved_again = All changes are saved now.

# Insights
kindness_per_week = Kindness per week
week_of = Week of
count = Count
people_heading = People
people_hint = The people you helped most and the people who helped you, from your journal.
you_helped = You helped
helped_you = Helped you
no_people = No one is named in your journal for this period yet.
needs_per_month = Needs opened and done per month
month = Month
needs_opened = Opened
needs_done = Done
no_needs_done = No needs were done in this period.
no_kindness_in_period = No kindness is logged in this period yet. What you log in the Journal shows here.
no_needs_in_period = No needs were opened or done in this period.
last_6_months = The last 6 months
last_12_months = The last 12 months

## Messages built from parts: called from the functions in src/text.rs.

save_failed = Your last changes could not be saved: { $why }. They are kept in this tab: do not close it. Use Download all data in Settings to keep a copy, or free some space; Kindred tries again with every change.
storage_unreadable = Kindred could not read its saved data: { $why }. It will not write over anything until it can read it. What you add now is kept in this tab.
storage_full = the browser's storage for Kindred is full
storage_blocked = the browser does not let Kindred use its storage ({ $detail })

urgency_low = Low
urgency_medium = Medium
urgency_high = High
urgency_line = Urgency: { $urgency }

status_open = Open
status_matched = Matched with { $helpers }
status_done = Done on { $date }
status_done_by = Done on { $date } by { $helpers }

monday = Monday
tuesday = Tuesday
wednesday = Wednesday
thursday = Thursday
friday = Friday
saturday = Saturday
sunday = Sunday
mon = Mon
tue = Tue
wed = Wed
thu = Thu
fri = Fri
sat = Sat
sun = Sun
jan = Jan
feb = Feb
mar = Mar
apr = Apr
may = May
jun = Jun
jul = Jul
aug = Aug
sep = Sep
oct = Oct
nov = Nov
dec = Dec
today = Today
yesterday = Yesterday
# A date in full: "Mon 2 Nov 2026". $month is the month's short name above.
full_date = { $weekday } { $day } { $month } { $year }

morning = Morning
afternoon = Afternoon
evening = Evening
# A time of day that comes back every week.
mornings = mornings
afternoons = afternoons
evenings = evenings
list_separator = {", "}
# $when is days then times of day: "Tue, Thu · mornings".
availability = Free { $when }

contact_phone = Phone call
contact_text = Text message
contact_email = Email

help_record = { $count ->
    [one] Helped once, on { $date }
   *[other] Helped { $count } times, last on { $date }
}
help_record_none = Has not helped with a need yet

reason_helps_with = helps with { $category }
reason_speaks = speaks { $language }
reason_free_every = free { $day }s
reason_free_on = free { $day } { $parts }
reason_never_asked = not asked yet
reason_last_asked = { $days ->
    [0] asked today
    [1] asked yesterday
   *[other] last asked { $days } days ago
}

qr_label = QR code for { $name }
choose = Choose { $name }
follow_ups_due = { $count ->
    [one] 1 follow-up due
   *[other] { $count } follow-ups due
}

leave_out_helpers = helper directory
leave_out_needs = needs board
leave_out_journal = your journal
leave_out_private = private notes
export_holds_everything = The file will hold everything, private notes included.
export_leaves_out = The file will leave out: { $parts }.
import_counts = { $new } new, { $updated } updated, { $unchanged } unchanged, { $conflicts } in conflict
and_more = …and { $count } more, counted above.
file_made_on = From a file made on { $date }
import_refused = This file cannot be imported: { $why }. Nothing was changed.
# $count chooses the plural; $shown is the same number as people write it ("10,000").
imported = Imported: { $count ->
    [one] 1 record
   *[other] { $shown } records
} changed. You can undo this.

file_too_large = the file is { $size } KB; Kindred reads files up to { $limit } KB
file_unreasonable = line { $line }, column { $column }: nested too deeply or a number too large; this is not a file Kindred wrote
file_not_json = not a Kindred file: it is not JSON (line { $line }, column { $column }: { $detail })
file_truncated = the file ends too soon: it may not have been copied whole
file_not_kindred = not a Kindred file: it does not say "format": "kindred-share"
file_newer_version = the file was written by a newer Kindred (version { $found } of the file format); this Kindred reads version { $readable }. Please update Kindred to read it
file_no_version = the file does not say which version of the format it is
file_shape = { $path }: expected { $expected }
file_duplicate_id = { $path }.id: the same id as { $first }; a record can appear only once
file_empty = the file is empty

record_missing = missing
record_future_date = a date in the future
record_not_a_date = not a date
record_not_a_phone = not a phone number
record_not_an_email = not an e-mail address
record_out_of_range = a date outside the years 1900 to 2200
record_impossible_date = a date that cannot be right

kind_given = Given
kind_received = Received
kind_witnessed = Witnessed

problem_required = Please fill this in.
problem_future_date = This date is in the future. Please choose today or an earlier day.
problem_not_a_date = Please give a date as year-month-day, for example 2026-11-23.
problem_not_a_phone = This is not a phone number. Use digits, spaces and a leading + only.
problem_not_an_email = This is not an e-mail address, like name@example.org.
problem_out_of_range = Please choose a date from the year 1900 to 2200.

# The weekly goal not yet reached: $done is less than $goal.
weekly_progress = { $done } of { $goal } { $goal ->
    [one] act
   *[other] acts
} of kindness given this week
# The weekly goal reached or passed: $done is $goal or more.
weekly_goal_reached = { $done ->
    [one] 1 act
   *[other] { $done } acts
} of kindness given this week: your goal of { $goal } is reached
no_streak_yet = A streak starts with the next kindness you give.
# Each run is said only when it is not zero, the two joined by " · ".
streak_days = { $days ->
    [one] 1 day
   *[other] { $days } days
} in a row
streak_weeks = { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} in a row
entries = { $count ->
    [one] 1 entry
   *[other] { $shown } entries
}
calendar_day = { $date }: { $count ->
    [one] 1 kindness
   *[other] { $count } kindnesses
}

period_this_week = This week
period_this_month = This month
period_last_12_months = The last 12 months
period_all_time = All time
median_days_to_done = { $days ->
    [one] Median time from open to done: 1 day
   *[other] Median time from open to done: { $days } days
}
# A month with its year: "Nov 2026". $month is the month's short name.
month_year = { $month } { $year }

last_copy = { $days ->
    [0] Last copy kept today.
    [1] Last copy kept yesterday.
   *[other] Last copy kept { $days } days ago.
}
storage_used = Storage: { $percent }% used, about { $left } MB left.

labelled = { $label }: { $value }
with_aside = { $name } ({ $aside })
remove_named = Remove { $name }

## The ideas for today, by their stable id in kindred-core's ideas.rs: idea_<id>.

idea_1 = Thank a colleague by name for something specific they did this week.
idea_2 = Make a round of tea or coffee and ask who would like one.
idea_3 = Pass on a customer's compliment to the person who earned it.
idea_4 = Ask the newest person on the team to join you for lunch.
idea_5 = Offer ten minutes of your time to someone who looks stuck.
idea_6 = Tell someone's manager about a time they really helped you.
idea_7 = Wash up the mugs in the office sink, whoever left them there.
idea_8 = In your next meeting, ask the quietest person what they think.
idea_9 = Give credit out loud to the person whose idea you are building on.
idea_10 = Learn the name of someone in your building you pass every day.
idea_11 = Leave a thank-you on a sticky note on a colleague's desk or screen.
idea_12 = Refill the printer, the water jug or the dishwasher without being asked.
idea_13 = Answer the question a colleague asked that you have been putting off.
idea_14 = Do one chore that is usually someone else's, and don't mention it.
idea_15 = Make someone at home their favourite hot drink, just the way they like it.
idea_16 = Tuck a short loving note into a lunchbox, coat pocket or bag.
idea_17 = Put your phone in another room during dinner and ask about their day.
idea_18 = Tell a child in your life one specific thing you are proud of.
idea_19 = Ask someone at home: what is one thing I could take off your plate?
idea_20 = Empty the bins and put in fresh bags before anyone notices they are full.
idea_21 = Play a favourite song for someone who has had a hard day.
idea_22 = Write down three things you appreciate about someone and give them the list.
idea_23 = Let someone else choose the film, the music or what's for dinner.
idea_24 = Feed the pet, water the plants or walk the dog when it's not your turn.
idea_25 = Send a brother, sister or cousin a photo of a happy memory you share.
idea_26 = Say sorry for a small thing you have been meaning to apologise for.
idea_27 = Bring your neighbour's bins in after collection day.
idea_28 = Introduce yourself to a neighbour whose name you don't know yet.
idea_29 = Offer to take in parcels or water plants while a neighbour is away.
idea_30 = Sweep the pavement outside next door as well as outside your own home.
idea_31 = Pick up three pieces of litter on your street.
idea_32 = Share something you have too much of, like herbs, lemons or a good book.
idea_33 = Say good morning to everyone you pass on your street today.
idea_34 = Hold the lift or the door and chat for a moment with whoever comes.
idea_35 = Lend a tool, a ladder or a pair of hands to a neighbour mid-project.
idea_36 = Tell the parents next door how lovely their children were to you.
idea_37 = Pin up a note in your building offering help with something you're good at.
idea_38 = Welcome someone who has just moved in and tell them where the good bakery is.
idea_39 = Return something you borrowed from a neighbour, with a small thank-you.
idea_40 = Write a warm review for a small shop, café or tradesperson you'd recommend.
idea_41 = Message an old friend just to say you were thinking of them.
idea_42 = Leave an encouraging comment for someone who is trying something new.
idea_43 = Answer a stranger's question in a forum about something you know well.
idea_44 = Thank the maker of a free app, tool or video that helped you.
idea_45 = Share a friend's small business, project or fundraiser with your followers.
idea_46 = Send someone a voice message instead of a text, so they can hear you smile.
idea_47 = Congratulate someone on their good news, even if you barely know them.
idea_48 = Add a missing opening time or fix a mistake on a community map.
idea_49 = In a group chat, reply to someone whose message went unanswered.
idea_50 = Send a friend a picture that you know will make them laugh.
idea_51 = Email a teacher who made a difference to you and tell them so.
idea_52 = Reply to an old message you forgot about, and mean it when you say thanks.
idea_53 = Before you go shopping, ask an older neighbour if they'd like anything.
idea_54 = Phone a grandparent or older relative and ask what life was like when they were young.
idea_55 = Offer to carry shopping for an older person at the bus stop or car park.
idea_56 = Help an older friend make the text bigger on their phone.
idea_57 = Give up your seat on the bus or train to someone older, with a smile.
idea_58 = Send a handwritten postcard to an older relative.
idea_59 = Ask an older person for their advice or a recipe, and really listen.
idea_60 = Knock on an older neighbour's door just to say hello and see how they are.
idea_61 = Let an older person with a full basket go ahead of you in the queue.
idea_62 = Offer to post a letter or collect a prescription for an older neighbour.
idea_63 = Stop for a chat with an older person sitting alone on a bench or in a café.
idea_64 = Ask a local care home whether its residents would enjoy letters or cards.
idea_65 = Make a cup of tea for an older relative and sit down to drink it with them.

# Many neighbours: versions kept side by side, and a newer Kindred in another tab.
saved_with_conflict = { $saved } It had also been changed elsewhere in the same place meanwhile: both versions are kept, and Share, Conflicts to review, lets you choose.
import_undone_partly = The last import was undone for { $count ->
    [one] 1 record
   *[other] { $shown } records
}. Changed again since the import, so left as they are: { $names }.
here_now = Here now
after_import = After the import
conflicts_waiting_heading = Conflicts to review
review_conflicts = Review conflicts
conflicts_waiting = { $count ->
    [one] 1 record has
   *[other] { $shown } records have
} two versions that say different things. Nothing is lost until you choose.
no_conflicts_waiting = No conflicts wait for you.
version_shown = Shown now
version_other = Other version
keep_shown = Keep the version shown now
keep_other = Keep the other version
conflict_settled = Conflict settled: the version you chose is kept.
updated_elsewhere = Kindred was updated in another tab. So as not to write over the newer data, this tab saves nothing more: download what is here, then reload.
reload = Reload
storage_updated_elsewhere = a newer Kindred is open in another tab
data_vanished = Kindred's saved data was removed from this browser (its site data was cleared, perhaps in another tab). This tab still has everything it showed, and saves nothing until you choose.
put_back_everything = Put it all back from this tab
reload_without_it = Reload without it
put_back_done = Everything this tab had is saved again.
find = Find
screen_failed = Kindred stopped while showing this screen. Your data is safe in this browser.
start_again = Start Kindred again (it opens Settings, where you can download all your data)
screen_failed_last_time = Kindred stopped while showing { $screen } last time, so it opened Settings instead. Your data is here: Download all data keeps a copy. Please tell whoever looks after Kindred for your group.

# Locked files: a passphrase for share files.
lock_with_passphrase = Lock with a passphrase
passphrase = Passphrase
repeat_passphrase = Repeat passphrase
suggest_passphrase = Suggest a passphrase
lock_hint = Without the passphrase the file says nothing; with it, anyone can read it. Write the passphrase down and give it apart from the file, for example by phone. Kindred keeps no copy: a lost passphrase cannot be recovered.
lock_needs_secure = Locking and unlocking files needs a secure address (one that starts with https://). This page was opened over plain http, so here files can only be exported unlocked.
passphrase_empty = Type a passphrase, or untick Lock with a passphrase.
passphrases_differ = The two passphrases are not the same. Type the same passphrase in both fields.
locking = Locking the file… this takes a few seconds.
lock_failed = The file could not be locked ({ $why }). Nothing was exported.
locked_file_heading = A locked file
locked_file_hint = This file is locked. Type the passphrase it was locked with. Nothing changes until you have seen what is in it and confirmed.
unlock = Unlock
unlocking = Unlocking… this takes a few seconds.
unlock_failed = This passphrase does not open the file, or the file was changed after it was locked. Nothing was changed.
locked_refused = This locked file cannot be opened: { $why }. Nothing was changed.
lock_too_large = it is larger than any file Kindred writes
lock_damaged = it is damaged or was changed after it was locked
lock_newer = it was locked by a newer Kindred (version { $found }); please update Kindred to open it
lock_unknown = it is locked in a way Kindred does not know
lock_iterations = it asks for { $found } rounds of key making, outside what Kindred accepts ({ $min } to { $max })
restored = Brought back.

# Group folder: syncing through a WebDAV folder the group already has (Settings).
group_folder = Group folder
group_folder_intro = Sync helpers, needs and offers with your group through a folder it already has: Nextcloud, ownCloud, a NAS or a web host that speaks WebDAV. Everything is locked with the group passphrase before it leaves this phone, so whoever runs the folder sees only locked files.
folder_address = Folder address
folder_address_hint = For Nextcloud it looks like https://cloud.example.org/remote.php/dav/files/ana/Kindred/
user_name = User name
password = Password
group_passphrase = Group passphrase
group_passphrase_hint = The same passphrase on every phone of the group. A phone's file locked with another one is left out.
remember_on_device = Remember the password and passphrase on this device
remember_hint = They are then kept in this browser's storage, where anyone who can use this phone unlocked could find them. Without this, you type them each time you open Kindred.
sync_journal = Also sync my journal
sync_journal_hint = Helpers, needs, offers and check-ins always go to the folder. Private notes never do.
connect = Connect
sync_now = Sync now
disconnect = Disconnect
disconnected = Disconnected. Your data stays on this phone, and the folder keeps its files.
sync_status = Sync status
folder_not_connected = Not connected to a group folder.
folder_needs_secrets = Type the password and the group passphrase to sync on this visit.
syncing = Syncing…
never_synced = Not synced yet.
folder_address_invalid = Folder address: type an address that starts with https:// (http:// only on this computer).
folder_field_missing = Fill in the folder address, user name, password and group passphrase.
why_offline = this phone is offline
why_unreachable = the folder cannot be reached: the server may be down, or the address is wrong
why_wrong_login = the user name or password is wrong, or this user may not use the folder
why_full = the folder is full: its owner must make room
why_not_webdav = the address is not a WebDAV folder. For Nextcloud it looks like https://cloud.example.org/remote.php/dav/files/USER/FOLDER/
why_no_such_folder = the folder above it does not exist: check the address
why_busy = another tab or phone of yours kept writing at the same moment
why_cannot_lock = this browser could not lock the file
connected_to = Connected to { $address }.
synced_at = Last synced at { $time }.
sync_failed = Could not sync: { $why }.
sync_retry = { $minutes ->
    [one] Kindred tries again in a minute.
   *[other] Kindred tries again in { $minutes } minutes.
}
why_not_allowed = the folder's server does not allow this site. Its owner must allow { $origin } (CORS headers: see Kindred's README)
why_server = the folder answered with an error ({ $status })
folder_other_site = Folder address: this Kindred may reach only its own site, { $origin }. For a folder on another site, Kindred must be built for it (see the README, "Group folder").
sync_conflicts = { $count ->
    [one] One record has two versions that differ: choose one under Review conflicts.
   *[other] { $count } records have versions that differ: choose under Review conflicts.
}
folder_file_other_passphrase = The file { $file } is locked with another passphrase: it was left out.
folder_file_unreadable = The file { $file } could not be read: it was skipped and left as it is.
folder_file_records_skipped = { $count ->
    [one] One record in { $file } could not be taken in.
   *[other] { $count } records in { $file } could not be taken in.
}

# Care rounds: checking on neighbours in storms and heat, repeating needs, calendar reminders.
screen_checkins = Check-ins
checkins_intro = When a typhoon signal or a heat warning is up, call or visit the people on this list and mark how each one is. Whoever is not reached stays at the top.
your_name = Your name
your_name_hint = Shown beside each check-in you mark, so the others know who called.
start_a_round = Start a round
round_reason = Reason
round_reason_hint = For example "Typhoon signal 8" or "Very hot weather warning".
round_needs_people = Add the people to check on first: a round checks on everyone on the list.
people_to_check_on = People to check on
no_people_to_check_on = No one is on the list yet. Add the people your group checks on.
add_person_to_check_on = Add person to check on
new_person_to_check_on = New person to check on
edit_person_to_check_on = Edit person to check on
address = Address
emergency_contact = Emergency contact
emergency_contact_hint = A name and a number to call when the person cannot be reached.
person_saved = Person saved.
person_deleted = Person deleted.
date_and_time = { $date }, { $time }
round_started_by = Started { $when } by { $name }
round_started = Started { $when }
round_summary = { $ok } OK · { $not_reached } not reached · { $needs_help } needs help
people_in_round = People in this round
answer_ok = OK
answer_needs_help = Needs help
answer_no_answer = No answer
standing_not_asked = Not reached yet
standing_marked_by = { $answer }, { $when } by { $name }
standing_marked = { $answer }, { $when }
tries = { $count ->
    [one] 1 try
   *[other] { $count } tries
}
marked_as = { $name }: { $answer }.
close_round = Close the round
round_closed = Round closed.
round_closed_at = Closed { $when }
round_all_ok = Everyone is OK: the round closed by itself.
past_rounds = Past rounds
no_past_rounds = No past rounds yet.
see_the_need = See the need on the Needs board
checkin_need_what = Help for { $name } after the check-in ({ $reason })
checkin_need_phone = Phone: { $phone }
print_round_sheet = Print the round sheet
round_sheet_heading = Check-in round: { $reason }
sheet_marked_by = Marked by
sheet_time = Time
share_check_ins = Check-ins (people to check on and rounds)
leave_out_check_ins = check-ins
repeats = Repeats
repeats_never = Does not repeat
repeats_week = Every week
repeats_two_weeks = Every two weeks
repeats_month = Every month
repeats_hint = A repeating need comes back from its Needed by date. Marking it done opens the next one.
repeats_next = { $every }: next on { $date }
skip_this_one = Skip this date
skipped_to = Skipped: next on { $date }.
next_opened = Done. The next one is open, on { $date }.
reminders = Reminders
reminder_time = Time of the daily reminder
reminder_hint = Kindred cannot ring by itself: nothing can reach a phone without a server. This file puts a daily event with an alarm in your phone's own calendar; open it from your downloads.
add_daily_reminder = Add a daily reminder to my calendar
reminder_summary = Kindred: a moment for kindness
reminder_description = Log a kindness in Kindred, or look at the needs board and the check-ins.
reminder_downloaded = Calendar file downloaded. Open it to add the reminder.
commitments_ics = Commitments to calendar

# Face to face: two phones exchange what they share by showing each other a code.
face_to_face_heading = Face to face
face_to_face_hint = Two phones side by side can exchange what they share, with no internet and no server: one shows a code, the other scans it and shows its own code back, and the first scans that. Both phones need to be on the same Wi-Fi, or one on the other's hotspot. What is sent follows the choices above; private notes are never sent this way.
start_face_to_face = Start face-to-face sync
scan_a_code = Scan a code
stop_face_to_face = Stop face-to-face sync
your_code = Your code
ftf_preparing = Getting this phone ready… Kindred asks for the camera now, to read the other phone's code later.
ftf_show_opening = Show this code to the other phone, which presses Scan a code. Then press Scan a code here and point this camera at the code the other phone shows back.
ftf_reading = Reading the code…
ftf_show_answer = Now let the first phone scan this code.
ftf_scanning = Point the camera at the other phone's code, about an arm's length away.
ftf_camera = Camera
ftf_connecting = Connecting to the other phone…
ftf_exchanging = Connected. The two phones are exchanging what they share…
ftf_received = Everything arrived. Look at the import preview below: nothing is taken in until you confirm.
ftf_compare = Check that the other phone shows the same number
ftf_show_text = Show this code as text
ftf_code_as_text = Your code as text
ftf_paste_summary = No camera? Paste a code as text
ftf_paste_label = Code as text
ftf_use_code = Use this code
ftf_camera_refused = Kindred was not allowed to use the camera. You can allow it in this browser's settings for this site, or paste the other phone's code as text below. A file works too: Export on one phone, then Import file on the other.
ftf_camera_absent = This phone has no camera Kindred can use here. Paste the other phone's code as text below, or use a file: Export on one phone, then Import file on the other.
ftf_not_a_code = This is not a Kindred face-to-face code. Scan the code the other phone shows after pressing Start face-to-face sync.
ftf_other_version = This code comes from another version of Kindred (face-to-face version { $found }). Update Kindred on both phones, or use a file.
ftf_damaged_code = This code is damaged or cut short. Scan it again, or paste it again in full.
ftf_older_pairing = This code answers an earlier code from this phone. On the other phone, press Scan a code again and scan the code this phone shows now.
ftf_expected_answer = This is another phone's first code, not its answer. Let the other phone scan this phone's code, then scan the code it shows back.
ftf_expected_opening = This code answers a code from some other phone. Scan the code the other phone shows after pressing Start face-to-face sync.
ftf_own_code = This is this phone's own code. Scan the code on the other phone.
ftf_no_connection = The two phones could not reach each other. They need to be on the same network, and guest Wi-Fi often keeps phones apart. Turn on the hotspot on one phone, join it from the other, and start again. Or use a file: Export on one phone, then Import file on the other.
ftf_stopped = The other phone stopped before everything arrived. Nothing was taken in.
ftf_garbage = What the other phone sent is not something Kindred can read. Nothing was taken in.
ftf_failed = This phone could not start face-to-face sync. Use a file instead: Export on one phone, then Import file on the other.

# For a person on a phone (issue 20): drafts kept, asking before typed text is thrown away.
draft_brought_back = What you typed before is back. Kindred keeps a half-written form in this browser until you save it or discard it.
discard_question = Discard what you typed?
discard = Discard
keep_editing = Keep editing

# Match: the day fit, the best five first, and contact links on a matched need.
reason_not_free_on = not free { $day }s (free { $days })
reason_days_not_given = has not said if free { $day }s
# Shown only when there are more than five; $shown is $count as people write it.
show_all_helpers = Show all { $count ->
    [one] 1 helper
   *[other] { $shown } helpers
}
call_helper = Call { $name }
email_helper = Email { $name }

# The needs board: urgency seen at a glance, and how near the day is.
urgent = Urgent
needed_in = { $days ->
    [1] tomorrow
   *[other] in { $days } days
}
needed_late = { $days ->
    [one] 1 day late
   *[other] { $days } days late
}

# The needs board's search and choice of open or done.
show_needs = Show
showing_all = All
showing_open = Open
showing_done = Done
no_need_matches = No needs match your search.

# The status line at the foot of the screen.
hide_message = Hide message

# A first visit: what Kindred is, and that nothing leaves the device.
welcome_heading = Welcome to Kindred
welcome_what = Kindred is a journal of the kindness you give, receive and see, with a list of neighbours who can help and of what people need.
welcome_private = Everything you write stays on this device. Nothing leaves it unless you choose to share it.

# Settings: a category removed can be put back.
category_removed = Category removed: { $name }

# The calendar a month at a time, on a phone.
previous_month = Previous month
next_month = Next month

# At the foot of a long list.
back_to_top = Back to the top

# Offers: a helper says "I can help" with a need, and whoever matches chooses from the offers.
i_can_help = I can help
offer_form_heading = Offer to help
offer_name_hint = Kindred keeps this name on this phone for your next offer, and shows it beside the check-ins you mark.
when_can_you_help = When can you help?
when_can_you_help_hint = Optional. In your own words, for example "Tuesday after 3".
send_offer = Send offer
offer_sent = Offer sent. The others see it when it reaches them, in a share file or through the group folder.
withdraw_my_offer = Withdraw my offer
offer_withdrawn = Offer withdrawn.
offer_need_done = This need was marked done meanwhile: it takes no more offers.
offer_need_gone = This need is no longer on the board.
offers_heading = Offers to help
# $offers is the offers as a list: "Ana (Tuesday after 3), Ben".
offers_line = Offers: { $offers }
offer_in_directory = In the directory as { $name }.
offer_not_in_directory = Not in the directory yet: accepting adds { $name } as a helper.
accept_offer = Accept the offer from { $name }
# In an import preview's list of records.
offer_from = Offer of help from { $name }

# Face to face: the code reader, loaded when a scan starts, could not start.
ftf_reader_failed = The camera works, but Kindred could not start reading codes on this phone. Reloading the page may help. Meanwhile, paste the other phone's code as text below, or use a file: Export on one phone, then Import file on the other.

# For a person on a phone (issue 20): a compact helper list, a short helper form, where an export went.
helper_details = Details
more_details = More details
# $file is the file's name, as the browser saved it: "kindred-2026-12-02.json".
exported_to = File exported: { $file }. Find it in Downloads, or wherever this browser saves downloaded files.
locked_exported_to = Locked file exported: { $file }. Find it in Downloads, or wherever this browser saves downloaded files. Give the passphrase separately.

# A form's half-written text could not be kept in the browser (issue 20: a failed draft is said). $why as in save_failed.
draft_not_kept = What you are typing could not be kept in this browser: { $why }. It is still in the open form: save it before you leave this page or reload it.

# The title of a follow-up day in the calendar file; $need is what is needed and for whom: "A ride (Mrs Lee)".
follow_up_event = Follow up: { $need }

# A need's status in the table of two versions, where its helpers and day are rows of their own.
status_matched_alone = Matched
status_done_alone = Done
# A repeating need's first date, in the table of two versions: "from Tue 1 Dec 2026".
repeats_from = from { $date }
