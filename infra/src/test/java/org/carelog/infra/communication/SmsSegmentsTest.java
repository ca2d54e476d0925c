package org.carelog.infra.communication;

import static org.assertj.core.api.Assertions.assertThat;

import org.carelog.infra.communication.SmsSegments.Count;
import org.carelog.infra.communication.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void plainTextUpTo160CharactersIsOneGsmMessage() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new Count(Encoding.GSM7, 160, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new Count(Encoding.GSM7, 161, 2));
    }

    @Test
    void concatenatedGsmPartsHold153Septets() {
        assertThat(SmsSegments.of("a".repeat(306)).parts()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).parts()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountDoubleAndAreNeverSplit() {
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new Count(Encoding.GSM7, 160, 1));
        assertThat(SmsSegments.of("a" + "€".repeat(80))).isEqualTo(new Count(Encoding.GSM7, 161, 2));
        // 152 plain septets then a two-septet character: it moves whole to the second part
        assertThat(SmsSegments.of("a".repeat(152) + "[" + "a".repeat(152))).isEqualTo(new Count(Encoding.GSM7, 306, 3));
        assertThat(SmsSegments.of("{}[]~|^\\").length()).isEqualTo(16);
    }

    @Test
    void banglaIsUcs2With70CharactersInOneMessageAnd67PerPart() {
        assertThat(SmsSegments.of("আ".repeat(70))).isEqualTo(new Count(Encoding.UCS2, 70, 1));
        assertThat(SmsSegments.of("আ".repeat(71))).isEqualTo(new Count(Encoding.UCS2, 71, 2));
        assertThat(SmsSegments.of("আ".repeat(134)).parts()).isEqualTo(2);
        assertThat(SmsSegments.of("আ".repeat(135)).parts()).isEqualTo(3);
    }

    @Test
    void oneBanglaLetterMakesTheWholeTextUcs2() {
        assertThat(SmsSegments.of("Reminder: ডাক্তার at 10:30").encoding()).isEqualTo(Encoding.UCS2);
        assertThat(SmsSegments.of("Reminder: Dr. Karim at 10:30, Dhanmondi @ £5")
                        .encoding())
                .isEqualTo(Encoding.GSM7);
    }

    @Test
    void anEmojiTakesTwoUnitsAndIsNeverSplitAcrossParts() {
        String text = "আ".repeat(66) + "😀" + "আ".repeat(10);
        assertThat(SmsSegments.of(text)).isEqualTo(new Count(Encoding.UCS2, 78, 2));
        assertThat(SmsSegments.of("আ".repeat(68) + "😀")).isEqualTo(new Count(Encoding.UCS2, 70, 1));
    }

    @Test
    void aRealBanglaReminderTakesTwoParts() {
        String reminder =
                "Carelog Clinic: মঙ্গল ২৫ নভে ২০২৬ ১০:৩০ AM-এ ডা. করিম-এর সাথে আপনার অ্যাপয়েন্টমেন্ট। ১৫ মিনিট আগে আসুন।";
        Count count = SmsSegments.of(reminder);
        assertThat(count.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(count.length()).isEqualTo(reminder.length());
        assertThat(count.parts()).isEqualTo((reminder.length() + 66) / 67);
    }
}
