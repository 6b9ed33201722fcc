namespace CxDashboard.Web.Data.Seeding;

/// <summary>
/// What customers and staff of the demo retailer say, as templates: <c>stage|category|channel|text</c>.
/// Category is P(roduct), S(ervice) or E(xperience); channel is <c>*</c> (any), a channel code, or
/// <c>online</c> (website, app, marketplace). Slots in braces are filled from <see cref="VerbatimGenerator"/>'s
/// lists. Each list holds only texts whose words <see cref="Domain.Feedback.SentimentRules"/> reads as
/// that list's sentiment (a test keeps it so).
/// </summary>
internal static class VerbatimTemplates
{
    public static readonly string[] CustomerPositive =
    [
        "discover|E|social|Saw the new autumn range on Instagram and went straight in to {store}. Love it.",
        "discover|E|*|A friend told me about the homeware floor, so glad she did. Lovely afternoon.",
        "discover|P|online|Great to see {product} back in the range. Ordered two straight away!",
        "discover|E|store|The window display at {store} stopped me in my tracks. Brilliant.",
        "consider|S|store|{name} at {store} spent ages helping me choose {product}. So helpful and friendly.",
        "consider|P|online|The size guide was spot on and {clothing} fits. Perfect.",
        "consider|E|web|Really easy to compare the sofas side by side, and the fabric samples arrived the next day.",
        "consider|S|cc|The adviser on the phone knew the range inside out. Really helpful.",
        "buy|E|web|Checkout was quick and easy, paid with Apple Pay in seconds.",
        "buy|E|app|Love the app, ordered {product} on the train in two minutes.",
        "buy|S|store|Queue moved fast and the lady on the till was lovely.",
        "buy|E|marketplace|Easy to find you on the marketplace and the price matched your own site. Happy customer.",
        "buy|P|*|{product} was on offer at {price} and is excellent quality for the money.",
        "receive|S|online|Delivery came a day early and the driver was friendly. Thank you!",
        "receive|S|store|Click & collect was ready when you said, in and out of {store} in five minutes. Perfect.",
        "receive|S|online|Tracking was spot on, {product} arrived in the {time} slot as promised. Great service.",
        "receive|P|*|Everything arrived beautifully packed, not a scratch on {product}. Thanks for the care.",
        "use|P|*|Been using {home} every day for a month and it's brilliant.",
        "use|P|*|{clothing} washes really well, still looks new. Would recommend.",
        "use|P|online|Really pleased with {product}, exactly like the photos.",
        "use|E|app|The app remembers my sizes now, makes shopping so easy.",
        "get-help|S|cc|{name} sorted out my delivery address in one call. Excellent service, thank you.",
        "get-help|S|cc|Quick answer on the phone, no hold music for once. Great.",
        "get-help|S|social|Replied to my DM within the hour and fixed it. Thanks!",
        "get-help|S|store|Staff at {store} were so helpful when my card didn't work.",
        "get-help|S|web|The chat bot actually answered my question about order {order}. Impressed, thanks.",
        "return|S|store|Returned an online order at {store}, took two minutes and the money was back the next day. Brilliant.",
        "return|S|online|Returns label printed at home, dropped it at the post office, refunded within a week. Easy.",
        "return|S|*|Exchanged {clothing} for a {size} with no questions asked. Really happy.",
        "loyalty|E|*|Been shopping at Hartwell & Finch for twenty years and the service is still excellent.",
        "loyalty|E|app|The members' offers in the app are great, saved {price} this month.",
        "loyalty|E|store|Love the members' evening at {store}, lovely atmosphere and great discounts.",
        "loyalty|E|*|Always my first stop for gifts. Would recommend to anyone.",
    ];

    public static readonly string[] CustomerNeutral =
    [
        "discover|E|social|Is {clothing} coming back in {size}?",
        "discover|E|*|Didn't know you sold furniture now. Will have a look next time.",
        "discover|E|store|Popped into {store} to see the new range, just browsing today.",
        "consider|P|online|Would be good to see more photos of {product} from the side.",
        "consider|P|*|Does {product} come in other colours? Only see the one.",
        "consider|E|web|The filters on the website could do with a price range option.",
        "consider|S|store|Asked about {product} at {store}; they are checking with the warehouse.",
        "buy|E|web|Checkout fine, although it asked for my postcode twice.",
        "buy|E|store|Paid at the self-checkout. It did the job.",
        "buy|E|app|Bought {product} in the app. Nothing special to report.",
        "buy|P|marketplace|Ordered through the marketplace because it was {price} cheaper there.",
        "receive|S|online|Parcel arrived on the day, left with a neighbour.",
        "receive|S|store|Collected order {order} at {store}. Counter was at the back of the second floor.",
        "receive|S|online|Delivery was in the {time} slot, driver didn't knock but left it in the porch.",
        "use|P|*|{product} is fine, a bit smaller than I expected.",
        "use|P|*|{home} does what it says. Instructions could be clearer.",
        "use|E|app|The app works, I mostly use it to check my points.",
        "get-help|S|cc|Rang about order {order}. Adviser said she would call back on {day}.",
        "get-help|S|social|Sent a DM about my order, got an automated reply with a form.",
        "get-help|S|web|Used the chat to change my delivery day. Got there in the end.",
        "return|S|store|Returned {product} at {store}, they said the money takes {days} days to show.",
        "return|S|online|Posted a return on {day}. Still to hear back.",
        "return|P|*|Sent {product} back, it just wasn't the right colour for the room.",
        "loyalty|E|*|I shop here a few times a year, mostly for gifts.",
        "loyalty|E|app|Got my points voucher, will use it at some point.",
        "loyalty|E|store|Signed up for the members' card at the till at {store}.",
    ];

    public static readonly string[] CustomerNegative =
    [
        "discover|E|social|Your ad showed {product} at {price} but the website says something else. Which is it? Not impressed, feels wrong.",
        "discover|E|web|Search for {product} brings up garden furniture. Useless.",
        "consider|P|store|Website said {product} was in stock at {store}. Drove 40 minutes and it was out of stock. Really disappointed.",
        "consider|S|store|Couldn't find anyone on the shop floor at {store} to ask about sizes. Waited ten minutes and left.",
        "consider|E|app|The app crashed every time I opened the product page for {product}.",
        "consider|P|online|Photos of {product} are nothing like the real colour. Disappointing.",
        "buy|E|app|Updated the app and my basket was empty. Lost everything I had saved, so frustrating.",
        "buy|E|web|Payment failed three times and then took the money anyway. Awful.",
        "buy|S|store|Only one till open at {store} on a {day} and the queue was out the door. Waited {minutes} minutes.",
        "buy|E|web|Delivery cost only shown at the very last step. Cancelled the order.",
        "buy|P|marketplace|Marketplace listing said {size} but {clothing} arrived in the wrong size.",
        "receive|S|store|Click & collect text said ready at {time}. Got to {store} and they couldn't find order {order}. Waited 40 minutes.",
        "receive|S|online|Order {order} is {days} days late and the tracking hasn't moved since {day}.",
        "receive|P|online|{product} arrived damaged, box was crushed on one side.",
        "receive|S|online|Half my order is missing and nobody can tell me where the rest is.",
        "receive|S|marketplace|Marketplace seller shipped the wrong item and your site says it's not your problem.",
        "use|P|*|{clothing} fell apart after two washes. Poor quality for {price}.",
        "use|P|*|The handle on {home} came off in the first week. Terrible.",
        "use|E|app|App keeps logging me out and my points are missing.",
        "get-help|S|cc|On hold for {minutes} minutes, then cut off. Rang back and had to explain everything again. Terrible service.",
        "get-help|S|cc|The contact centre couldn't see my in-store purchase so couldn't help me. Useless.",
        "get-help|S|social|Messaged you three times about order {order}, no reply. Very poor.",
        "get-help|S|web|The chat just loops back to the FAQ. Frustrating.",
        "get-help|S|store|Staff at {store} were rude when I asked about an online order, said it's nothing to do with them.",
        "return|S|store|{store} refused to take back an online order. Told me to post it. Ridiculous and wrong.",
        "return|S|online|Sent {product} back {days} days ago and still no refund.",
        "return|S|marketplace|Returning to a marketplace seller is a nightmare, still waiting for a label.",
        "return|E|*|Returns portal keeps saying my order number is wrong. It isn't.",
        "loyalty|E|*|Used to enjoy shopping here but the service has gone downhill. Disappointed.",
        "loyalty|E|app|My points disappeared after the app update and nobody can explain where they went. Angry.",
        "loyalty|E|store|Members' evening at {store} was cancelled with no notice. Poor.",
    ];

    public static readonly string[] StaffPositive =
    [
        "receive|S|store|Customer thanked the team at {store}: her click & collect was ready early and we carried it to the car. Lovely to hear.",
        "get-help|S|store|A customer came back to say {name} had been so helpful last week choosing {product}.",
        "get-help|S|cc|Customer rang just to say thank you for sorting order {order} so quickly.",
        "use|P|store|Several customers this week said the new {product} is excellent value.",
        "return|S|store|Since we can see online orders at the till, returns of web orders take two minutes. Customers are happy.",
        "buy|E|store|The new card readers on the shop floor at {store} mean no queues on {day}. Customers love it.",
        "loyalty|E|store|Regular customer said the members' evening was the best yet, great feedback on the stylists.",
        "get-help|S|cc|Caller was pleased we could rebook her delivery in one call.",
    ];

    public static readonly string[] StaffNeutral =
    [
        "consider|P|store|A customer asked whether {clothing} comes in {size}; the system shows none in any store.",
        "consider|P|store|Third time this week someone asked for {clothing} in the wider fit.",
        "buy|E|store|Customers keep asking if they can use the app's discount code at the till.",
        "receive|S|store|Collection point at {store} moved upstairs; some customers look for it near the entrance.",
        "get-help|S|cc|Caller asked how to change the name on a gift receipt for order {order}.",
        "get-help|S|cc|Customer rang to check our opening hours over the bank holiday weekend.",
        "return|S|store|Customer asked if we can take back a marketplace order. Explained the seller's returns process.",
        "use|P|store|A customer asked for spare parts for {home}; we don't hold any in store.",
        "loyalty|E|store|Customers ask at the till how the new points scheme works; a leaflet would help.",
        "discover|E|store|Customers asked about the autumn catalogue; we have not had copies in yet.",
    ];

    public static readonly string[] StaffNegative =
    [
        "consider|P|store|A customer asked why the website said {product} was in stock here. System shows 3, shelf has none. Third time this week; customer left disappointed.",
        "receive|S|store|Click & collect shelf at {store} is full; orders from the {time} van are waiting in the stockroom unscanned.",
        "receive|S|store|Customer arrived for order {order} after the ready text but the parcel was still in the cage. Waited {minutes} minutes.",
        "get-help|S|store|Customer bought {product} online and came in for help. We can't see web orders on the till, so we couldn't help. She was frustrated.",
        "get-help|S|cc|Customer rang about an in-store purchase; we can't see store transactions so had to send them back to {store}. Angry caller.",
        "get-help|S|cc|Caller had been passed between store and contact centre three times about the same faulty {product}. Very frustrated.",
        "return|S|store|Had to turn away a return of an online order again: the till won't accept web order numbers. Customer was angry.",
        "return|S|cc|Customer waiting {days} days for a refund after a returns hub delay. Third call about it.",
        "buy|E|store|Card reader on till 3 at {store} keeps failing; queue of {minutes} minutes at lunchtime. Slow service at the busiest time.",
        "buy|E|app|Several customers in store showed us empty app baskets after the latest update. Lost their saved items.",
        "use|P|store|Customers bringing back {clothing} with the same broken zip. Poor batch?",
        "receive|S|cc|Calls about late deliveries doubled on {day}; the carrier missed the evening collection.",
        "loyalty|E|cc|Members calling because points from store purchases are missing from the app.",
    ];

    /// <summary>What the follow-up owner wrote when they reached the customer.</summary>
    public static readonly string[] ContactedNotes =
    [
        "Called the customer, apologised and explained what went wrong. Agreed next steps by e-mail.",
        "Spoke to the customer; re-sent the missing item by next-day delivery.",
        "Left a voicemail and sent an e-mail with a direct number; customer replied the same day.",
        "Called back and booked a new delivery slot that suits the customer.",
        "Customer reached by e-mail; store manager to call once the stock arrives.",
        "Phoned the customer and logged the fault with the supplier; waiting for their reply.",
    ];

    /// <summary>What the follow-up owner wrote when the customer's problem was dealt with.</summary>
    public static readonly string[] ResolvedNotes =
    [
        "Refunded the delivery charge and sent a £10 voucher; customer accepted the apology.",
        "Replacement delivered; customer confirmed everything arrived this time.",
        "Refund processed the same day; customer thanked us for the call.",
        "Explained the returns policy and arranged a free collection from home.",
        "Store manager met the customer in store and exchanged the item.",
        "Points restored to the customer's account and the app fault passed to the app team.",
        "Customer did not want further contact; apology sent and case closed.",
        "Price difference refunded after the ad and the website were found to disagree.",
    ];

    public static readonly string[] Clothing =
    [
        "the blue linen shirt", "the cashmere jumper", "the wool winter coat", "a pair of chinos", "the floral summer dress",
        "the men's suit jacket", "the wrap dress", "the denim jacket", "the pyjama set", "the striped Breton top",
        "the children's school trousers", "the merino cardigan",
    ];

    public static readonly string[] Home =
    [
        "a 4-slice toaster", "the stand mixer", "the espresso machine", "the kettle", "the cast-iron casserole dish",
        "a table lamp", "the oak side table", "the garden parasol", "the food processor", "the desk chair",
    ];

    public static readonly string[] Products =
    [
        .. Clothing, .. Home,
        "the Marlow sofa", "the duck-down duvet", "a set of Egyptian cotton towels", "the children's school shoes",
        "the leather weekend bag", "the velvet cushions", "the bamboo bedding set", "the trainers", "the linen curtains",
        "the wool rug", "a pair of ankle boots", "the silk scarf", "the dinner set", "the wine glasses",
    ];

    public static readonly string[] Stores =
    [
        "the Leeds store", "the Manchester store", "the Bristol store", "the Edinburgh store", "the York store",
        "the Cardiff store", "the Norwich store", "the Bath store", "the Cambridge store", "the Oxford Street store",
        "the Glasgow store", "the Harrogate store", "the Brighton store", "the Nottingham store",
    ];

    public static readonly string[] StaffFirstNames =
    [
        "Sarah", "Mo", "Kate", "Raj", "Ellie", "Jamal", "Beth", "Callum", "Lucy", "Arjun", "Megan", "Dan",
    ];

    public static readonly string[] Times = ["9am", "10am", "noon", "2pm", "4pm", "5pm", "6pm", "7–9pm", "8am–1pm", "1–6pm"];

    public static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static readonly string[] Sizes = ["size 10", "size 12", "size 14", "size 16", "medium", "large", "a 34 leg", "a king size"];
}
