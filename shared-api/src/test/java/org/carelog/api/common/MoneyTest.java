package org.carelog.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsTwoDecimalsWhateverScaleItIsGiven() {
        assertThat(new Money(new BigDecimal("500")).amount())
                .isEqualByComparingTo("500")
                .hasScaleOf(2);
        assertThat(new Money(new BigDecimal("500"))).isEqualTo(new Money(new BigDecimal("500.000")));
        assertThat(Money.taka(500).amount().toPlainString()).isEqualTo("500.00");
    }

    @Test
    void roundsAHalfPoishaAwayFromZero() {
        assertThat(Money.taka("10.005").amount().toPlainString()).isEqualTo("10.01");
        assertThat(Money.taka("10.004").amount().toPlainString()).isEqualTo("10.00");
        assertThat(Money.taka("-10.005").amount().toPlainString()).isEqualTo("-10.01");
        assertThat(Money.taka(1000).times(new BigDecimal("0.075")).amount().toPlainString())
                .isEqualTo("75.00");
        assertThat(Money.taka("333.33").times(new BigDecimal("0.15")).amount().toPlainString())
                .isEqualTo("50.00");
    }

    @Test
    void addsAndSubtractsExactly() {
        Money tenPoisha = Money.taka("0.10");
        Money sum = Money.ZERO;
        for (int i = 0; i < 3; i++) {
            sum = sum.plus(tenPoisha);
        }
        assertThat(sum).isEqualTo(Money.taka("0.30"));
        assertThat(Money.taka(500).minus(Money.taka(800))).isEqualTo(Money.taka(-300));
        assertThat(Money.taka(500).minus(Money.taka(800)).negative()).isTrue();
        assertThat(Money.taka(1).compareTo(Money.taka("0.99"))).isPositive();
    }

    @Test
    void readsAmountsAsStaffTypeThem() {
        assertThat(Money.parse("500")).isEqualTo(Money.taka(500));
        assertThat(Money.parse(" 1,50,000.5 ")).isEqualTo(Money.taka("150000.50"));
        assertThat(Money.parse("৳ ৫০০")).isEqualTo(Money.taka(500));
        assertThat(Money.parse("Tk. 700")).isEqualTo(Money.taka(700));
        assertThat(Money.parse("1200 BDT")).isEqualTo(Money.taka(1200));
    }

    @Test
    void refusesWhatIsNotAnExactTakaAmount() {
        for (String bad : new String[] {"", "abc", "5e2", "1,,000", "500.", "12.345", "1.5.0", "99999999999"}) {
            assertThatThrownBy(() -> Money.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            CarelogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
        }
        assertThatThrownBy(() -> Money.parse("1111111111111111111111111111x")).isInstanceOf(CarelogException.class);
    }

    @Test
    void showsCurrencyAndAmount() {
        assertThat(Money.taka(1500).currency()).isEqualTo("BDT");
        assertThat(Money.taka(1500)).hasToString("BDT 1500.00");
    }
}
