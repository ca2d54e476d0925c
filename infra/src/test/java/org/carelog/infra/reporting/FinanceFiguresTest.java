package org.carelog.infra.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.carelog.api.common.Money;
import org.carelog.infra.reporting.FinanceFigures.AgeBucket;
import org.carelog.infra.reporting.FinanceFigures.Ageing;
import org.carelog.infra.reporting.FinanceFigures.Bucket;
import org.carelog.infra.reporting.FinanceFigures.Outstanding;
import org.junit.jupiter.api.Test;

class FinanceFiguresTest {

    @Test
    void bucketsEndOnTheirLastDayInclusive() {
        assertThat(AgeBucket.of(0)).isEqualTo(AgeBucket.DAYS_0_30);
        assertThat(AgeBucket.of(30)).isEqualTo(AgeBucket.DAYS_0_30);
        assertThat(AgeBucket.of(31)).isEqualTo(AgeBucket.DAYS_31_60);
        assertThat(AgeBucket.of(60)).isEqualTo(AgeBucket.DAYS_31_60);
        assertThat(AgeBucket.of(61)).isEqualTo(AgeBucket.DAYS_61_90);
        assertThat(AgeBucket.of(90)).isEqualTo(AgeBucket.DAYS_61_90);
        assertThat(AgeBucket.of(91)).isEqualTo(AgeBucket.OVER_90);
        assertThat(AgeBucket.of(4000)).isEqualTo(AgeBucket.OVER_90);
        assertThatThrownBy(() -> AgeBucket.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ageingSumsExactlyPerBucketAndLeavesNothingDueOut() {
        Ageing ageing = FinanceFigures.age(List.of(
                new Outstanding(0, Money.taka("0.10")),
                new Outstanding(30, Money.taka("0.20")),
                new Outstanding(31, Money.taka("1350.00")),
                new Outstanding(91, Money.taka("99.99")),
                new Outstanding(120, Money.taka("0.01")),
                new Outstanding(45, Money.ZERO),
                new Outstanding(70, Money.taka("-5"))));
        assertThat(ageing.buckets())
                .containsExactly(
                        new Bucket("0-30", Money.taka("0.30"), 2),
                        new Bucket("31-60", Money.taka("1350.00"), 1),
                        new Bucket("61-90", Money.ZERO, 0),
                        new Bucket("over 90", Money.taka("100.00"), 2));
        assertThat(ageing.outstanding()).isEqualTo(Money.taka("1450.30"));
        assertThat(ageing.invoices()).isEqualTo(5);
        assertThat(ageing.outstanding().amount().toPlainString()).isEqualTo("1450.30");
    }

    @Test
    void nothingOutstandingGivesEveryBucketAtZero() {
        Ageing ageing = FinanceFigures.age(List.of());
        assertThat(ageing.buckets()).extracting(Bucket::bucket).containsExactly("0-30", "31-60", "61-90", "over 90");
        assertThat(ageing.buckets()).allMatch(b -> b.outstanding().equals(Money.ZERO) && b.invoices() == 0);
        assertThat(ageing.outstanding().amount().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void theSqlBucketsAreTheJavaOnes() {
        assertThat(AgeBucket.sqlCase("a"))
                .isEqualTo("case when a <= 30 then '0-30' when a <= 60 then '31-60' when a <= 90 then '61-90'"
                        + " else 'over 90' end");
    }

    @Test
    void referencesKeepOnlyTheirLastFourCharacters() {
        assertThat(FinanceFigures.maskReference("BK8H3KD92LQ")).isEqualTo("****92LQ");
        assertThat(FinanceFigures.maskReference("  POS-12345 ")).isEqualTo("****2345");
        assertThat(FinanceFigures.maskReference("1234")).isEqualTo("****");
        assertThat(FinanceFigures.maskReference("")).isNull();
        assertThat(FinanceFigures.maskReference(null)).isNull();
    }
}
