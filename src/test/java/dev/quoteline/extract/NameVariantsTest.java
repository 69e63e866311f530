package dev.quoteline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class NameVariantsTest {
    private static void same(String a, String b) {
        assertEquals(NameVariants.personKey(a), NameVariants.personKey(b), a + " / " + b);
    }

    private static void different(String a, String b) {
        assertNotEquals(NameVariants.personKey(a), NameVariants.personKey(b), a + " / " + b);
    }

    @Test
    void slavicSurnameEndingsCoincide() {
        same("Volodymyr Zelenskiy", "Volodymyr Zelensky");
        same("Volodymyr Zelensky", "Volodymyr Zelenskyy");
        same("Volodymyr Zelenskyi", "Volodymyr Zelenskyy");
        same("Zelenskiy", "Zelenskyi");
        same("Pavel Dobrovolskiy", "Pavel Dobrovolski");
        same("Dmitriy Orlovsky", "Dmitry Orlovskij");
    }

    @Test
    void vowelsDoubledLettersAndDigraphs() {
        same("Mohammed Rahim", "Muhammad Rahim");
        same("Mohamed Rahim", "Muhammad Rahim");
        same("Oleksandr Kharchenko", "Oleksandr Harchenko");
        same("Yuriy Boutenko", "Yuri Butenko");
        same("Gennadiy Sokolov", "Gennadii Sokolov");
    }

    @Test
    void accentsAndHonorificsAreFolded() {
        same("José Álvarez", "Jose Alvarez");
        same("Dr. Lech Wałęsa", "Lech Walesa");
        same("Mr. Omar Haddad Jr.", "Omar Haddad");
    }

    @Test
    void differentPeopleStayApart() {
        different("Volodymyr Zelensky", "Oleksandr Zelensky");
        different("Anna Kowalski", "Anna Kowalczyk");
        different("John Smith", "John Smythe-Jones");
        different("Maria Lopez", "Marco Lopez");
        different("Ivan Petrov", "Ivan Popov");
        different("Mohammed Rahim", "Mahmoud Rahim");
    }

    @Test
    void surnameKeyMatchesAcrossGivenNames() {
        assertEquals(NameVariants.surnameKey("Zelenskyy"), NameVariants.surnameKey("Volodymyr Zelenskiy"));
        assertEquals("", NameVariants.personKey("  "));
        assertEquals("", NameVariants.personKey(null));
    }
}
