//! Small kindness ideas for people who want a nudge: one a day, and another on request.
//!
//! Every idea has a stable id. Translations are keyed by it, so an id is never reused, even
//! when its idea is removed, and a reworded idea keeps its id only if its meaning is unchanged.

use chrono::{Datelike, NaiveDate};
use IdeaContext::{Home, Neighbours, OlderPeople, Online, Work};

/// Where an idea can be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdeaContext {
    Work,
    Home,
    Neighbours,
    Online,
    OlderPeople,
}

impl IdeaContext {
    pub const ALL: [IdeaContext; 5] = [
        IdeaContext::Work,
        IdeaContext::Home,
        IdeaContext::Neighbours,
        IdeaContext::Online,
        IdeaContext::OlderPeople,
    ];
}

/// One small act of kindness that can be done today, in a few minutes.
#[derive(Debug, PartialEq, Eq)]
pub struct Idea {
    /// Stable across versions and languages; never reused.
    pub id: u16,
    pub context: IdeaContext,
    /// The idea in English.
    pub text: &'static str,
}

const fn idea(id: u16, context: IdeaContext, text: &'static str) -> Idea {
    Idea { id, context, text }
}

/// Every idea, grouped by context. Each context must have the same number of ideas, so that
/// [`idea_for`] can take them in turn; add new ideas five at a time, one per context, with
/// new ids.
// One line per idea keeps the list easy to read, review and translate.
#[rustfmt::skip]
pub const IDEAS: &[Idea] = &[
    idea(1, Work, "Thank a colleague by name for something specific they did this week."),
    idea(2, Work, "Make a round of tea or coffee and ask who would like one."),
    idea(3, Work, "Pass on a customer's compliment to the person who earned it."),
    idea(4, Work, "Ask the newest person on the team to join you for lunch."),
    idea(5, Work, "Offer ten minutes of your time to someone who looks stuck."),
    idea(6, Work, "Tell someone's manager about a time they really helped you."),
    idea(7, Work, "Wash up the mugs in the office sink, whoever left them there."),
    idea(8, Work, "In your next meeting, ask the quietest person what they think."),
    idea(9, Work, "Give credit out loud to the person whose idea you are building on."),
    idea(10, Work, "Learn the name of someone in your building you pass every day."),
    idea(11, Work, "Leave a thank-you on a sticky note on a colleague's desk or screen."),
    idea(12, Work, "Refill the printer, the water jug or the dishwasher without being asked."),
    idea(13, Work, "Answer the question a colleague asked that you have been putting off."),
    idea(14, Home, "Do one chore that is usually someone else's, and don't mention it."),
    idea(15, Home, "Make someone at home their favourite hot drink, just the way they like it."),
    idea(16, Home, "Tuck a short loving note into a lunchbox, coat pocket or bag."),
    idea(17, Home, "Put your phone in another room during dinner and ask about their day."),
    idea(18, Home, "Tell a child in your life one specific thing you are proud of."),
    idea(19, Home, "Ask someone at home: what is one thing I could take off your plate?"),
    idea(20, Home, "Empty the bins and put in fresh bags before anyone notices they are full."),
    idea(21, Home, "Play a favourite song for someone who has had a hard day."),
    idea(22, Home, "Write down three things you appreciate about someone and give them the list."),
    idea(23, Home, "Let someone else choose the film, the music or what's for dinner."),
    idea(24, Home, "Feed the pet, water the plants or walk the dog when it's not your turn."),
    idea(25, Home, "Send a brother, sister or cousin a photo of a happy memory you share."),
    idea(26, Home, "Say sorry for a small thing you have been meaning to apologise for."),
    idea(27, Neighbours, "Bring your neighbour's bins in after collection day."),
    idea(28, Neighbours, "Introduce yourself to a neighbour whose name you don't know yet."),
    idea(29, Neighbours, "Offer to take in parcels or water plants while a neighbour is away."),
    idea(30, Neighbours, "Sweep the pavement outside next door as well as outside your own home."),
    idea(31, Neighbours, "Pick up three pieces of litter on your street."),
    idea(32, Neighbours, "Share something you have too much of, like herbs, lemons or a good book."),
    idea(33, Neighbours, "Say good morning to everyone you pass on your street today."),
    idea(34, Neighbours, "Hold the lift or the door and chat for a moment with whoever comes."),
    idea(35, Neighbours, "Lend a tool, a ladder or a pair of hands to a neighbour mid-project."),
    idea(36, Neighbours, "Tell the parents next door how lovely their children were to you."),
    idea(37, Neighbours, "Pin up a note in your building offering help with something you're good at."),
    idea(38, Neighbours, "Welcome someone who has just moved in and tell them where the good bakery is."),
    idea(39, Neighbours, "Return something you borrowed from a neighbour, with a small thank-you."),
    idea(40, Online, "Write a warm review for a small shop, café or tradesperson you'd recommend."),
    idea(41, Online, "Message an old friend just to say you were thinking of them."),
    idea(42, Online, "Leave an encouraging comment for someone who is trying something new."),
    idea(43, Online, "Answer a stranger's question in a forum about something you know well."),
    idea(44, Online, "Thank the maker of a free app, tool or video that helped you."),
    idea(45, Online, "Share a friend's small business, project or fundraiser with your followers."),
    idea(46, Online, "Send someone a voice message instead of a text, so they can hear you smile."),
    idea(47, Online, "Congratulate someone on their good news, even if you barely know them."),
    idea(48, Online, "Add a missing opening time or fix a mistake on a community map."),
    idea(49, Online, "In a group chat, reply to someone whose message went unanswered."),
    idea(50, Online, "Send a friend a picture that you know will make them laugh."),
    idea(51, Online, "Email a teacher who made a difference to you and tell them so."),
    idea(52, Online, "Reply to an old message you forgot about, and mean it when you say thanks."),
    idea(53, OlderPeople, "Before you go shopping, ask an older neighbour if they'd like anything."),
    idea(54, OlderPeople, "Phone a grandparent or older relative and ask what life was like when they were young."),
    idea(55, OlderPeople, "Offer to carry shopping for an older person at the bus stop or car park."),
    idea(56, OlderPeople, "Help an older friend make the text bigger on their phone."),
    idea(57, OlderPeople, "Give up your seat on the bus or train to someone older, with a smile."),
    idea(58, OlderPeople, "Send a handwritten postcard to an older relative."),
    idea(59, OlderPeople, "Ask an older person for their advice or a recipe, and really listen."),
    idea(60, OlderPeople, "Knock on an older neighbour's door just to say hello and see how they are."),
    idea(61, OlderPeople, "Let an older person with a full basket go ahead of you in the queue."),
    idea(62, OlderPeople, "Offer to post a letter or collect a prescription for an older neighbour."),
    idea(63, OlderPeople, "Stop for a chat with an older person sitting alone on a bench or in a café."),
    idea(64, OlderPeople, "Ask a local care home whether its residents would enjoy letters or cards."),
    idea(65, OlderPeople, "Make a cup of tea for an older relative and sit down to drink it with them."),
];

/// How far the day's idea moves from one day to the next, in the turn order of [`idea_for`].
/// It shares no factor with the number of ideas, so every idea comes round once before any
/// repeats, and it is not a multiple of five, so the next day's idea is from another context.
const DAY_STEP: u64 = 27;

/// The idea to suggest on `day`, after the person has asked for another one `skip` times.
///
/// The ideas are taken in turns, one from each context; a day starts at its own place in
/// that turn order, so the idea changes every day, and each "another idea" moves one place
/// on, through every idea before coming back to the first.
pub fn idea_for(day: NaiveDate, skip: u32) -> &'static Idea {
    let count = IDEAS.len() as u64;
    let day_number = i64::from(day.num_days_from_ce()).rem_euclid(count as i64) as u64;
    let place = (day_number * DAY_STEP + u64::from(skip)) % count;
    in_turn_order(place as usize)
}

/// The idea at `place` when the contexts take turns: work, home, neighbours, online, older
/// people, then work again with its next idea.
fn in_turn_order(place: usize) -> &'static Idea {
    let contexts = IdeaContext::ALL.len();
    let context = IdeaContext::ALL[place % contexts];
    IDEAS
        .iter()
        .filter(|idea| idea.context == context)
        .nth(place / contexts)
        .expect("every context has the same number of ideas")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn ids_are_unique() {
        let ids: HashSet<u16> = IDEAS.iter().map(|idea| idea.id).collect();
        assert_eq!(ids.len(), IDEAS.len());
    }

    #[test]
    fn there_are_at_least_sixty_ideas_and_each_context_has_the_same_number_of_at_least_twelve() {
        assert!(IDEAS.len() >= 60);
        let per_context = IDEAS.len() / IdeaContext::ALL.len();
        for context in IdeaContext::ALL {
            let count = IDEAS.iter().filter(|idea| idea.context == context).count();
            assert!(count >= 12, "{context:?} has {count}");
            assert_eq!(count, per_context, "{context:?}");
        }
    }

    #[test]
    fn every_text_is_short_and_not_blank() {
        for idea in IDEAS {
            assert!(!idea.text.trim().is_empty(), "idea {}", idea.id);
            assert!(
                idea.text.chars().count() < 120,
                "idea {} is too long",
                idea.id
            );
        }
    }

    #[test]
    fn the_same_day_always_gives_the_same_idea() {
        let today = day(2026, 11, 22);
        assert_eq!(idea_for(today, 0).id, idea_for(today, 0).id);
        assert_eq!(idea_for(today, 3).id, idea_for(today, 3).id);
    }

    #[test]
    fn no_idea_repeats_within_sixty_consecutive_days_and_neighbouring_days_differ_in_context() {
        let start = day(2026, 12, 1);
        let days: Vec<&Idea> = start.iter_days().take(60).map(|d| idea_for(d, 0)).collect();
        let ids: HashSet<u16> = days.iter().map(|idea| idea.id).collect();
        assert_eq!(ids.len(), 60);
        for pair in days.windows(2) {
            assert_ne!(pair[0].context, pair[1].context);
        }
    }

    #[test]
    fn every_idea_comes_round_once_before_the_daily_idea_repeats() {
        let start = day(1999, 12, 20);
        let ids: HashSet<u16> = start
            .iter_days()
            .take(IDEAS.len())
            .map(|d| idea_for(d, 0).id)
            .collect();
        assert_eq!(ids.len(), IDEAS.len());
    }

    #[test]
    fn another_idea_differs_from_the_one_before_and_cycles_through_all_of_them() {
        let today = day(2026, 11, 22);
        let count = IDEAS.len() as u32;
        for skip in 1..=count {
            let before = idea_for(today, skip - 1);
            let after = idea_for(today, skip);
            assert_ne!(before.id, after.id);
            assert_ne!(before.context, after.context);
        }
        let seen: HashSet<u16> = (0..count).map(|skip| idea_for(today, skip).id).collect();
        assert_eq!(seen.len(), IDEAS.len());
        assert_eq!(idea_for(today, count).id, idea_for(today, 0).id);
    }

    #[test]
    fn days_before_the_common_era_still_get_an_idea() {
        assert!(IDEAS.contains(idea_for(day(-44, 3, 15), u32::MAX)));
    }
}
