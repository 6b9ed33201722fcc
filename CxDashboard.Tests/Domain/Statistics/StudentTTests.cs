using CxDashboard.Domain.Statistics;

namespace CxDashboard.Tests.Domain.Statistics;

public class StudentTTests
{
    // Two-sided 95% critical values from the t table (e.g. Moore, McCabe and Craig, Introduction to the
    // Practice of Statistics, Table D), checked against R's qt(0.975, df).
    [Theory]
    [InlineData(1, 12.7062047)]
    [InlineData(2, 4.3026527)]
    [InlineData(5, 2.5705818)]
    [InlineData(9, 2.2621572)]
    [InlineData(29, 2.0452296)]
    [InlineData(1000, 1.9623391)]
    public void The_975th_percentile_matches_the_published_t_table(double degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(0.975, degreesOfFreedom), 6);

    [Fact]
    public void Fractional_degrees_of_freedom_fall_between_their_neighbours()
    {
        var welch = StudentT.Quantile(0.975, 17.776);
        Assert.InRange(welch, StudentT.Quantile(0.975, 18), StudentT.Quantile(0.975, 17));
    }

    [Fact]
    public void A_very_large_sample_approaches_the_normal_distribution() =>
        Assert.Equal(StudentT.Z95, StudentT.Quantile(0.975, 1e7), 4);

    [Theory]
    [InlineData(0.975, 3)]
    [InlineData(0.6, 12)]
    [InlineData(0.999, 40)]
    public void The_quantile_inverts_the_distribution_function(double probability, double degreesOfFreedom) =>
        Assert.Equal(probability, StudentT.Cdf(StudentT.Quantile(probability, degreesOfFreedom), degreesOfFreedom), 10);

    [Fact]
    public void The_distribution_is_symmetric_about_zero()
    {
        Assert.Equal(0.5, StudentT.Cdf(0, 4), 12);
        Assert.Equal(-StudentT.Quantile(0.975, 7), StudentT.Quantile(0.025, 7), 10);
    }

    [Fact]
    public void Degrees_of_freedom_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.975, 0));
}
