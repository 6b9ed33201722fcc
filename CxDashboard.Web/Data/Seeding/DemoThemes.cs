namespace CxDashboard.Web.Data.Seeding;

/// <summary>
/// The demo retailer's theme catalogue: what its customers and staff talk about, with rules written against
/// the verbatims <see cref="VerbatimTemplates"/> generates. A theme under a parent names the parent.
/// </summary>
internal static class DemoThemes
{
    public sealed record Entry(string Name, string? Parent, string Rule);

    public static readonly Entry[] All =
    [
        new("Delivery", null, "deliver* OR parcel OR tracking OR driver OR courier OR carrier OR van"),
        new("Late", "Delivery", "late OR \"hasn't moved\" OR \"missed the evening collection\""),
        new("Damaged or missing", "Delivery", "damaged OR crushed OR \"half my order\" OR \"wrong item\" OR \"wrong size\" OR scratch"),
        new("Slot and tracking", "Delivery", "slot OR tracking OR \"arrived on the day\" OR neighbour OR porch OR \"came a day early\""),
        new("Click & collect", null, "\"click collect\" OR \"collection point\" OR collected OR \"ready text\""),
        new("Order not ready", "Click & collect", "\"couldn't find order\" OR \"still in the cage\" OR unscanned OR \"shelf at\""),
        new("Returns and refunds", null, "return* OR refund* OR \"sent back\" OR \"send back\" OR \"take back\" OR exchanged OR \"money back\""),
        new("Refunds", "Returns and refunds", "refund* OR \"money takes\" OR \"money was back\""),
        new("Returning in store", "Returns and refunds", "(return* OR \"take back\" OR exchanged) AND (store OR till OR at)"),
        new("Returns portal and labels", "Returns and refunds", "label OR portal OR \"post office\" OR \"returns process\""),
        new("Stock and availability", null, "stock OR \"shelf has none\" OR warehouse OR \"spare parts\" OR \"in any store\" OR \"back in the range\" OR \"coming back\""),
        new("Product quality", null, "quality OR \"fell apart\" OR broken OR \"came off\" OR faulty OR \"washes really well\" OR \"does what it says\""),
        new("Value for money", "Product quality", "value OR \"on offer\" OR cheaper OR \"for the money\" OR discount* OR saved"),
        new("Size and fit", null, "size* OR fit OR fits OR \"wider fit\" OR smaller"),
        new("Product information", null, "photos OR colour* OR \"size guide\" OR instructions OR \"fabric samples\" OR \"compare the sofas\""),
        new("The app", null, "app"),
        new("App faults", "The app", "app AND (crash* OR update OR \"logging me out\" OR empty OR lost)"),
        new("Website and search", null, "website OR \"search for\" OR filters OR \"the site\" OR \"your own site\""),
        new("Checkout and payment", null, "checkout OR payment OR paid OR \"apple pay\" OR \"card reader*\" OR \"card didn't work\" OR \"delivery cost\""),
        new("Queues and tills", null, "queue* OR till OR tills OR \"self checkout\""),
        new("Contact centre", null, "\"contact centre\" OR rang OR caller OR calls OR \"on the phone\" OR adviser OR \"on hold\""),
        new("On hold and cut off", "Contact centre", "\"on hold\" OR \"cut off\" OR \"hold music\" OR \"explain everything again\""),
        new("Passed between channels", "Contact centre", "\"can't see\" OR \"couldn't see\" OR \"passed between\" OR \"send them back\""),
        new("Chat and social", null, "chat OR \"chat bot\" OR dm OR messaged OR instagram OR \"automated reply\""),
        new("Helpful staff", null, "helpful OR friendly OR \"spent ages\" OR lovely OR \"knew the range\" OR stylists"),
        new("Staff attitude", "Helpful staff", "rude OR \"couldn't find anyone\" OR \"nothing to do with them\""),
        new("Online orders in store", null, "\"online order\" OR \"web order*\" OR \"web orders\" OR \"in store purchase\" OR \"store transactions\" OR \"bought\" AND online"),
        new("Loyalty and points", null, "points OR members OR voucher OR \"twenty years\" OR \"first stop\" OR \"few times a year\""),
        new("Missing points", "Loyalty and points", "points AND (missing OR disappeared)"),
        new("Members' events", "Loyalty and points", "\"members evening\""),
        new("Marketplace", null, "marketplace"),
        new("Prices and ads", null, "\"your ad\" OR \"price matched\" OR \"something else\" OR disagree OR price"),
        new("No reply or call-back", null, "\"no reply\" OR \"call back\" OR \"still to hear\" OR \"still waiting\" OR \"nobody can\" OR \"third call\""),
        new("Store experience", null, "\"window display\" OR atmosphere OR \"shop floor\" OR \"opening hours\" OR \"new range\" OR catalogue OR browsing OR furniture OR homeware"),
        new("Gifts", null, "gift*"),
    ];
}
