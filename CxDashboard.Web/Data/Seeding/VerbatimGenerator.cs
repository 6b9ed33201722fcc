using System.Text;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Data.Seeding;

/// <summary>Whose words a verbatim is: a customer's, or a member of staff's note of what they saw or heard.</summary>
internal enum Voice
{
    Customer = 0,
    Staff = 1,
}

/// <summary>A verbatim template split once into literal text and slots, so rendering a row only appends.</summary>
internal sealed class VerbatimTemplate
{
    private VerbatimTemplate(string stage, FeedbackCategory category, string channelTag, Sentiment sentiment, string text,
        string[] literals, Slot[] slots)
    {
        Stage = stage;
        Category = category;
        ChannelTag = channelTag;
        Sentiment = sentiment;
        Text = text;
        Literals = literals;
        Slots = slots;
    }

    public string Stage { get; }
    public FeedbackCategory Category { get; }
    public string ChannelTag { get; }

    /// <summary>The sentiment of the list the template came from.</summary>
    public Sentiment Sentiment { get; }

    /// <summary>The template as written, slots included.</summary>
    public string Text { get; }

    /// <summary>Literal text around the slots: always one more than <see cref="Slots"/>.</summary>
    internal string[] Literals { get; }
    internal Slot[] Slots { get; }

    public static VerbatimTemplate Parse(string line, Sentiment sentiment)
    {
        var parts = line.Split('|', 4);
        var category = parts[1] switch
        {
            "P" => FeedbackCategory.Product,
            "S" => FeedbackCategory.Service,
            _ => FeedbackCategory.Experience,
        };
        return Compile(parts[0], category, parts[2], sentiment, parts[3]);
    }

    public static VerbatimTemplate Compile(string stage, FeedbackCategory category, string channelTag, Sentiment sentiment, string text)
    {
        var literals = new List<string>();
        var slots = new List<Slot>();
        var start = 0;
        while (true)
        {
            var open = text.IndexOf('{', start);
            if (open < 0)
            {
                literals.Add(text[start..]);
                break;
            }
            var close = text.IndexOf('}', open);
            literals.Add(text[start..open]);
            slots.Add(Enum.Parse<Slot>(text[(open + 1)..close], ignoreCase: true));
            start = close + 1;
        }
        return new VerbatimTemplate(stage, category, channelTag, sentiment, text, [.. literals], [.. slots]);
    }

    public bool AppliesTo(string channelCode) => ChannelTag switch
    {
        "*" => true,
        "online" => channelCode is "website" or "app" or "marketplace",
        "web" => channelCode == "website",
        "cc" => channelCode == "contact-centre",
        "mkt" => channelCode == "marketplace",
        _ => ChannelTag == channelCode,
    };
}

internal enum Slot
{
    Product,
    Clothing,
    Home,
    Store,
    Order,
    Days,
    Minutes,
    Time,
    Day,
    Price,
    Name,
    Size,
}

/// <summary>
/// Writes what customers and staff say, from <see cref="VerbatimTemplates"/>: a template that fits the
/// channel, voice and sentiment, its slots filled ("the Leeds store", "order HF-4821907"), and for
/// customers sometimes a closing remark of the same sentiment. Built for a million rows: templates are
/// parsed once and each verbatim costs one string.
/// </summary>
internal sealed class VerbatimGenerator
{
    private static readonly string[][] CustomerTails =
    [
        [" Thank you!", " Will be back.", " Keep it up.", " Five stars from me."],
        [" Just so you know.", " Cheers."],
        [" Sort it out please.", " Not good enough.", " Expected better.", " Won't be shopping here again if this carries on."],
    ];

    private readonly StringBuilder _text = new(512);

    /// <summary>Templates by channel index, voice and sentiment (1-based enum, so index − 1).</summary>
    private readonly VerbatimTemplate[][][][] _buckets;

    public VerbatimGenerator(IReadOnlyList<string> channelCodes)
    {
        var customer = Templates(Voice.Customer).ToList();
        var staff = Templates(Voice.Staff).ToList();
        _buckets = new VerbatimTemplate[channelCodes.Count][][][];
        for (var c = 0; c < channelCodes.Count; c++)
        {
            var code = channelCodes[c];
            _buckets[c] = new VerbatimTemplate[2][][];
            foreach (var (voice, list) in new[] { (Voice.Customer, customer), (Voice.Staff, staff) })
            {
                _buckets[c][(int)voice] = new VerbatimTemplate[3][];
                foreach (var sentiment in new[] { Sentiment.Positive, Sentiment.Neutral, Sentiment.Negative })
                {
                    var fitting = list.Where(t => t.Sentiment == sentiment && t.AppliesTo(code)).ToArray();
                    // Staff notes are written in stores and the contact centre; other channels borrow theirs.
                    if (fitting.Length == 0)
                    {
                        fitting = list.Where(t => t.Sentiment == sentiment && t.ChannelTag is "store" or "cc" or "*").ToArray();
                    }
                    _buckets[c][(int)voice][(int)sentiment - 1] = fitting;
                }
            }
        }
    }

    public static IEnumerable<VerbatimTemplate> Templates(Voice voice) => voice == Voice.Customer
        ? Parse(VerbatimTemplates.CustomerPositive, Sentiment.Positive)
            .Concat(Parse(VerbatimTemplates.CustomerNeutral, Sentiment.Neutral))
            .Concat(Parse(VerbatimTemplates.CustomerNegative, Sentiment.Negative))
        : Parse(VerbatimTemplates.StaffPositive, Sentiment.Positive)
            .Concat(Parse(VerbatimTemplates.StaffNeutral, Sentiment.Neutral))
            .Concat(Parse(VerbatimTemplates.StaffNegative, Sentiment.Negative));

    private static IEnumerable<VerbatimTemplate> Parse(string[] lines, Sentiment sentiment) =>
        lines.Select(line => VerbatimTemplate.Parse(line, sentiment));

    public VerbatimTemplate Pick(Random random, int channelIndex, Voice voice, Sentiment sentiment)
    {
        var bucket = _buckets[channelIndex][(int)voice][(int)sentiment - 1];
        return bucket[random.Next(bucket.Length)];
    }

    /// <summary>Fills the template's slots; a customer's words sometimes end with a remark of the same sentiment.</summary>
    public string Render(VerbatimTemplate template, Random random, Voice voice)
    {
        var text = _text.Clear();
        var literals = template.Literals;
        var slots = template.Slots;
        for (var i = 0; i < slots.Length; i++)
        {
            text.Append(literals[i]);
            AppendSlot(text, slots[i], random);
        }
        text.Append(literals[^1]);
        if (voice == Voice.Customer && random.Next(4) == 0)
        {
            var tails = CustomerTails[(int)template.Sentiment - 1];
            text.Append(tails[random.Next(tails.Length)]);
        }
        // A slot at the start ("{product} broken after…") reads as a sentence.
        if (text.Length > 0 && char.IsLower(text[0]))
        {
            text[0] = char.ToUpperInvariant(text[0]);
        }
        return text.ToString();
    }

    private static void AppendSlot(StringBuilder text, Slot slot, Random random)
    {
        switch (slot)
        {
            case Slot.Product: text.Append(Pick(VerbatimTemplates.Products, random)); break;
            case Slot.Clothing: text.Append(Pick(VerbatimTemplates.Clothing, random)); break;
            case Slot.Home: text.Append(Pick(VerbatimTemplates.Home, random)); break;
            case Slot.Store: text.Append(Pick(VerbatimTemplates.Stores, random)); break;
            case Slot.Order: text.Append("HF-").Append(random.Next(1_000_000, 10_000_000)); break;
            case Slot.Days: text.Append(random.Next(3, 22)); break;
            case Slot.Minutes: text.Append(random.Next(3, 12) * 5); break;
            case Slot.Time: text.Append(Pick(VerbatimTemplates.Times, random)); break;
            case Slot.Day: text.Append(Pick(VerbatimTemplates.Days, random)); break;
            case Slot.Price: text.Append('£').Append(random.Next(2, 90) * 5 - 1); break;
            case Slot.Name: text.Append(Pick(VerbatimTemplates.StaffFirstNames, random)); break;
            case Slot.Size: text.Append(Pick(VerbatimTemplates.Sizes, random)); break;
        }
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];
}
