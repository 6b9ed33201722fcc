using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Data.Seeding;

/// <summary>A channel as the feedback generator needs it: who owns its follow-ups and who records for it.</summary>
internal sealed record FeedbackChannel(int Id, string Code, double Share, int FollowUpOwnerId, int[] RecorderIds, double BaseMood);

/// <summary>A friction issue that feedback may be evidence for, in the window when customers met it.</summary>
internal sealed record FeedbackEvidence(int IssueId, int StageId, int[] ChannelIndexes, DateTime From, DateTime To,
    VerbatimTemplate[] CustomerTemplates, VerbatimTemplate[] StaffTemplates)
{
    public VerbatimTemplate[] TemplatesFor(Voice voice) => voice == Voice.Customer ? CustomerTemplates : StaffTemplates;
}

/// <summary>
/// Makes the demo feedback, oldest first, with a fixed random seed: the same count and clock give the
/// same items. Volume grows gently towards today; scores follow each channel's "mood", which improves
/// a little every quarter; sentiment follows the score, or for unscored feedback the words used;
/// detractors and complaints get follow-ups whose progress depends on their age.
/// </summary>
internal sealed class FeedbackGenerator(
    IReadOnlyList<FeedbackChannel> channels,
    IReadOnlyDictionary<string, int> stageIds,
    IReadOnlyList<FeedbackEvidence> evidence,
    IReadOnlyList<Period> quarters,
    DateTime now)
{
    public const int Seed = 20_241_105;

    /// <summary>How much denser feedback is at the end of the history than at its start.</summary>
    private const double Growth = 0.6;

    private static readonly TimeSpan FollowUpSla = SlaClock.DefaultFollowUp;

    public IEnumerable<FeedbackItem> Generate(int count)
    {
        var random = new Random(Seed);
        var verbatims = new VerbatimGenerator(channels.Select(c => c.Code).ToList());
        var sentimentOf = SentimentTable();
        var moods = Moods(random);
        var evidenceByChannel = channels.Select((_, index) => evidence.Where(e => e.ChannelIndexes.Contains(index)).ToArray()).ToArray();
        var cumulativeShare = Cumulative(channels.Select(c => c.Share));
        var quarterEnds = quarters.Select(q => q.EndExclusiveUtc).ToArray();

        var start = quarters[0].StartUtc;
        var days = (int)Math.Ceiling((now - start).TotalDays);
        var quarter = 0;
        for (var i = 0; i < count; i++)
        {
            // Stratified and passed through the inverse of a rising density, so times come out in order.
            var u = (i + random.NextDouble()) / count;
            var x = (-1 + Math.Sqrt(1 + Growth * (2 + Growth) * u)) / Growth;
            var day = start.AddDays(Math.Min(days - 1, (int)(x * days)));
            var received = day.AddMinutes(MinuteOfDay(random));
            if (received > now.AddMinutes(-1))
            {
                received = now.AddMinutes(-1 - random.Next(240));
            }
            while (quarter < quarterEnds.Length - 1 && received >= quarterEnds[quarter])
            {
                quarter++;
            }

            var channelIndex = PickIndex(cumulativeShare, random.NextDouble());
            var channel = channels[channelIndex];
            var source = PickSource(channel.Code, random);
            ScoreScale? scale = source switch
            {
                FeedbackSource.Survey => PickSurveyScale(channel.Code, random),
                FeedbackSource.Review => ScoreScale.StarRating,
                _ => null,
            };
            var mood = moods[channelIndex, quarter];
            int? score = scale is { } s ? Score(s, mood, random) : null;
            var sentiment = scale is { } sc && score is { } value
                ? sentimentOf[(int)sc][value]
                : UnscoredSentiment(source, random);
            var voice = source is FeedbackSource.FrontLineObservation or FeedbackSource.ContactCentre ? Voice.Staff : Voice.Customer;

            FeedbackEvidence? issue = null;
            VerbatimTemplate template;
            if (sentiment == Sentiment.Negative && evidenceByChannel[channelIndex].Length > 0 && random.Next(4) == 0)
            {
                var candidate = evidenceByChannel[channelIndex][random.Next(evidenceByChannel[channelIndex].Length)];
                if (received >= candidate.From && received <= candidate.To && candidate.TemplatesFor(voice).Length > 0)
                {
                    issue = candidate;
                }
            }
            if (issue is not null)
            {
                var templates = issue.TemplatesFor(voice);
                template = templates[random.Next(templates.Length)];
            }
            else
            {
                template = verbatims.Pick(random, channelIndex, voice, sentiment);
            }
            // A quarter of survey answers come with a score only.
            var verbatim = source == FeedbackSource.Survey && random.Next(4) == 0
                ? string.Empty
                : verbatims.Render(template, random, voice);

            var details = new FeedbackDetails(
                received,
                channel.Id,
                issue?.StageId ?? stageIds[template.Stage],
                source,
                template.Category,
                sentiment,
                scale,
                score,
                verbatim,
                voice == Voice.Customer && random.Next(10) < 6 ? CustomerRef(random) : null);
            var recordedBy = RecordedBy(source, channel, random);
            var recordedAt = received.AddMinutes(recordedBy is null ? random.Next(1, 10) : random.Next(5, 240));
            var item = new FeedbackItem(details, recordedBy, recordedAt > now ? now : recordedAt);
            if (item.NeedsFollowUp)
            {
                FollowUp(item, channel.FollowUpOwnerId, random);
            }
            if (issue is not null)
            {
                item.LinkTo(issue.IssueId);
            }
            yield return item;
        }
    }

    /// <summary>
    /// How well each channel treats customers in each quarter, 0 to 1: its own level, a steady
    /// improvement and a little noise. Around 0.55 gives an NPS of about +30.
    /// </summary>
    private double[,] Moods(Random random)
    {
        var moods = new double[channels.Count, quarters.Count];
        for (var c = 0; c < channels.Count; c++)
        {
            for (var q = 0; q < quarters.Count; q++)
            {
                moods[c, q] = Math.Clamp(channels[c].BaseMood + 0.015 * q + (random.NextDouble() - 0.5) * 0.04, 0.05, 0.95);
            }
        }
        return moods;
    }

    private void FollowUp(FeedbackItem item, int ownerId, Random random)
    {
        item.OpenFollowUp(ownerId, FollowUpSla, now);
        var age = now - item.ReceivedAt;
        if (age < TimeSpan.FromDays(2))
        {
            return;
        }
        var roll = random.Next(100);
        var recent = age < TimeSpan.FromDays(10);
        // Older follow-ups are mostly done; a few were forgotten and sit overdue.
        if (recent ? roll < 40 : roll < 3)
        {
            return;
        }
        // Most owners reach the customer inside the 48-hour SLA; some miss it.
        var contactedAt = item.ReceivedAt.AddHours(random.Next(10) < 8 ? random.Next(2, 46) : random.Next(50, 120));
        if (contactedAt > now)
        {
            return;
        }
        var resolves = recent ? roll >= 70 : roll >= 15;
        if (!resolves)
        {
            item.MarkContacted(Pick(VerbatimTemplates.ContactedNotes, random), contactedAt);
            return;
        }
        item.MarkContacted(Pick(VerbatimTemplates.ContactedNotes, random), contactedAt);
        var resolvedAt = contactedAt.AddHours(random.Next(1, 120));
        item.ResolveFollowUp(Pick(VerbatimTemplates.ResolvedNotes, random), resolvedAt > now ? now : resolvedAt);
    }

    private static int? RecordedBy(FeedbackSource source, FeedbackChannel channel, Random random) =>
        source is FeedbackSource.FrontLineObservation or FeedbackSource.ContactCentre or FeedbackSource.Complaint
            && channel.RecorderIds.Length > 0
            ? channel.RecorderIds[random.Next(channel.RecorderIds.Length)]
            : null;

    private static FeedbackSource PickSource(string channel, Random random)
    {
        var roll = random.Next(100);
        return channel switch
        {
            "store" => roll switch { < 45 => FeedbackSource.Survey, < 65 => FeedbackSource.Review, < 72 => FeedbackSource.Complaint, _ => FeedbackSource.FrontLineObservation },
            "website" => roll switch { < 60 => FeedbackSource.Survey, < 82 => FeedbackSource.Review, < 92 => FeedbackSource.Complaint, _ => FeedbackSource.Social },
            "app" => roll switch { < 50 => FeedbackSource.Survey, < 85 => FeedbackSource.Review, < 93 => FeedbackSource.Complaint, _ => FeedbackSource.FrontLineObservation },
            "contact-centre" => roll switch { < 50 => FeedbackSource.Survey, < 85 => FeedbackSource.ContactCentre, _ => FeedbackSource.Complaint },
            "social" => roll switch { < 88 => FeedbackSource.Social, _ => FeedbackSource.Complaint },
            _ => roll switch { < 25 => FeedbackSource.Survey, < 88 => FeedbackSource.Review, _ => FeedbackSource.Complaint },
        };
    }

    private static ScoreScale PickSurveyScale(string channel, Random random)
    {
        var roll = random.Next(100);
        return channel switch
        {
            "store" => roll < 60 ? ScoreScale.Nps : ScoreScale.Csat,
            "marketplace" => ScoreScale.Nps,
            _ => roll switch { < 50 => ScoreScale.Nps, < 78 => ScoreScale.Csat, _ => ScoreScale.Ces },
        };
    }

    /// <summary>A score on the scale, more often high when the channel's mood is good.</summary>
    private static int Score(ScoreScale scale, double mood, Random random)
    {
        var u = random.NextDouble();
        switch (scale)
        {
            case ScoreScale.Nps:
                var promoters = 0.2 + 0.5 * mood;
                var detractors = 0.45 - 0.5 * mood;
                if (u < promoters)
                {
                    return random.Next(10) < 6 ? 10 : 9;
                }
                if (u < promoters + detractors)
                {
                    return random.Next(10) switch { < 3 => 6, < 5 => 5, < 7 => random.Next(3, 5), _ => random.Next(0, 3) };
                }
                return random.Next(2) == 0 ? 7 : 8;
            case ScoreScale.Csat:
                var satisfied = 0.55 + 0.45 * mood;
                if (u < satisfied)
                {
                    return u < satisfied * 0.55 ? 5 : 4;
                }
                return random.Next(10) switch { < 5 => 3, < 8 => 2, _ => 1 };
            case ScoreScale.Ces:
                var easy = 0.3 + 0.6 * mood;
                if (u < easy)
                {
                    return random.Next(2) == 0 ? 7 : 6;
                }
                return u < easy + 0.15 ? 5 : random.Next(1, 5);
            default:
                var five = 0.25 + 0.5 * mood;
                return u < five ? 5 : u < five + 0.18 ? 4 : u < five + 0.26 ? 3 : u < five + 0.32 ? 2 : 1;
        }
    }

    private static Sentiment UnscoredSentiment(FeedbackSource source, Random random)
    {
        var roll = random.Next(100);
        return source switch
        {
            FeedbackSource.Complaint => Sentiment.Negative,
            FeedbackSource.Social => roll switch { < 45 => Sentiment.Negative, < 70 => Sentiment.Neutral, _ => Sentiment.Positive },
            FeedbackSource.ContactCentre => roll switch { < 40 => Sentiment.Negative, < 80 => Sentiment.Neutral, _ => Sentiment.Positive },
            _ => roll switch { < 50 => Sentiment.Negative, < 85 => Sentiment.Neutral, _ => Sentiment.Positive },
        };
    }

    /// <summary>The domain's suggestion for every score of every scale, worked out once.</summary>
    private static Sentiment[][] SentimentTable()
    {
        var table = new Sentiment[5][];
        foreach (var scale in Enum.GetValues<ScoreScale>())
        {
            var (_, max) = Scores.RangeOf(scale);
            var (min, _) = Scores.RangeOf(scale);
            table[(int)scale] = new Sentiment[max + 1];
            for (var score = min; score <= max; score++)
            {
                table[(int)scale][score] = SentimentRules.Suggest(scale, score, null).Sentiment;
            }
        }
        return table;
    }

    /// <summary>Customers write in the day and evening, most between 10:00 and 21:00.</summary>
    private static int MinuteOfDay(Random random)
    {
        var hour = random.Next(10) switch { 0 => random.Next(7, 10), < 9 => random.Next(10, 21), _ => random.Next(21, 24) };
        return hour * 60 + random.Next(60);
    }

    private static string CustomerRef(Random random) =>
        string.Create(8, random.Next(0x100000, 0x1000000), static (span, value) =>
        {
            span[0] = 'C';
            span[1] = '-';
            value.TryFormat(span[2..], out _, "X6");
        });

    private static double[] Cumulative(IEnumerable<double> shares)
    {
        var list = shares.ToArray();
        var total = list.Sum();
        var sum = 0.0;
        return list.Select(s => sum += s / total).ToArray();
    }

    private static int PickIndex(double[] cumulative, double u)
    {
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }
        return cumulative.Length - 1;
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];
}
