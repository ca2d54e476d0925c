package org.carelog.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.carelog.api.common.Money;
import org.junit.jupiter.api.Test;

class AmountInWordsTest {

    @Test
    void groupsFiguresTheSouthAsianWayWithTheTakaSign() {
        assertThat(AmountInWords.figures(Money.taka("125350.5"))).isEqualTo("৳ 1,25,350.50");
        assertThat(AmountInWords.figures(Money.taka("12345678.09"))).isEqualTo("৳ 1,23,45,678.09");
        assertThat(AmountInWords.figures(Money.taka("999"))).isEqualTo("৳ 999.00");
        assertThat(AmountInWords.figures(Money.taka("0"))).isEqualTo("৳ 0.00");
        assertThat(AmountInWords.figures(Money.taka("-1000"))).isEqualTo("-৳ 1,000.00");
    }

    @Test
    void writesEnglishWithLakhAndCrore() {
        assertThat(AmountInWords.english(Money.taka("1350"))).isEqualTo("One Thousand Three Hundred Fifty Taka Only");
        assertThat(AmountInWords.english(Money.taka("125350.50")))
                .isEqualTo("One Lakh Twenty-Five Thousand Three Hundred Fifty Taka and Fifty Poisha Only");
        assertThat(AmountInWords.english(Money.taka("23045678")))
                .isEqualTo("Two Crore Thirty Lakh Forty-Five Thousand Six Hundred Seventy-Eight Taka Only");
        assertThat(AmountInWords.english(Money.taka("1000000000")))
                .as("a crore above 99 is read in the same system")
                .isEqualTo("One Hundred Crore Taka Only");
        assertThat(AmountInWords.english(Money.taka("0.05"))).isEqualTo("Zero Taka and Five Poisha Only");
    }

    @Test
    void writesBangla() {
        assertThat(AmountInWords.bangla(Money.taka("1350"))).isEqualTo("এক হাজার তিন শত পঞ্চাশ টাকা মাত্র");
        assertThat(AmountInWords.bangla(Money.taka("125325.99")))
                .isEqualTo("এক লক্ষ পঁচিশ হাজার তিন শত পঁচিশ টাকা নিরানব্বই পয়সা মাত্র");
        assertThat(AmountInWords.bangla(Money.taka("20000000"))).isEqualTo("দুই কোটি টাকা মাত্র");
        assertThat(AmountInWords.banglaNumber(47)).isEqualTo("সাতচল্লিশ");
        assertThat(AmountInWords.banglaNumber(99)).isEqualTo("নিরানব্বই");
    }
}
