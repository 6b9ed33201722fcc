using CxDashboard.Domain.Common;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Tests.Domain.Statistics;

public class MeanSampleTests
{
    // Student (1908) via R's `sleep` data: the extra hours of sleep of ten patients, drug 2 less drug 1:
    // 1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4. R's t.test(extra ~ group, data = sleep, paired = TRUE)
    // gives a mean difference of 1.58 with a 95% interval of 0.7001142 to 2.4598858.
    [Fact]
    public void The_interval_matches_the_t_interval_of_Students_sleep_data()
    {
        double[] differences = [1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4];

        var figure = Sums(differences).Estimate()!.Value;

        Assert.Equal(1.58, figure.Value, 9);
        Assert.Equal(10, figure.SampleSize);
        Assert.Equal(0.7001142, figure.Low!.Value, 6);
        Assert.Equal(2.4598858, figure.High!.Value, 6);
    }

    [Fact]
    public void Without_answers_there_is_no_figure() => Assert.Null(new MeanSample(0, 0, 0).Estimate());

    [Fact]
    public void A_single_answer_has_a_figure_but_no_interval()
    {
        var figure = new MeanSample(1, 6, 36).Estimate()!.Value;

        Assert.Equal(6, figure.Value);
        Assert.False(figure.HasInterval);
    }

    [Fact]
    public void Identical_answers_have_an_interval_of_no_width()
    {
        var figure = new MeanSample(50, 250, 1250).Estimate()!.Value;

        Assert.Equal(5, figure.Low!.Value, 9);
        Assert.Equal(5, figure.High!.Value, 9);
    }

    [Fact]
    public void A_negative_count_is_refused() => Assert.Throws<DomainException>(() => new MeanSample(-1, 0, 0));

    internal static MeanSample Sums(IReadOnlyCollection<double> answers) =>
        new(answers.Count, answers.Sum(), answers.Sum(a => a * a));
}
