package dev.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quick wrapper must show templates exactly what FreeMarker's own shows them. */
public class ViewWrapperTest {

    public record Inner(String name, int rank) {
    }

    public record Shown(String title, int count, boolean flag, List<String> items, Inner inner, String missing, Map<String, Integer> map) {
        /** Not a component: templates call it, or read it as a property. */
        public String shout() {
            return title.toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** A component with a JavaBeans getter of its name: left to FreeMarker's own reading (which reads the component). */
    public record WithGetter(String name) {
        public String getName() {
            return "from the getter";
        }
    }

    /** A record this package cannot see into from outside: read the generic way. */
    private record Hidden(String secret) {
    }

    private static final String TEMPLATE = """
            ${s.title} ${s.count} ${s.count + 1} <#if s.flag>yes</#if> ${s.items?size} <#list s.items as i>[${i}]</#list>
            ${s.inner.name}/${s.inner.rank} ${s.missing!"none"} ${(s.missing??)?c} ${s.map.a} ${s.title()} ${s.shout()} ${s.shout}
            ${s?has_content?c} ${(s.inner?is_string)?c} ${s.title?is_string?c} ${(s.count?is_number)?c}
            <#list s?keys?sort as k>${k},</#list>
            ${g.name} ${g.name()} | ${(h.secret)!"unreadable"}
            """;

    private static String render(ObjectWrapper wrapper) throws IOException, TemplateException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setObjectWrapper(wrapper);
        cfg.setNumberFormat("computer");
        Template t = new Template("t", TEMPLATE, cfg);
        StringWriter out = new StringWriter();
        Shown s = new Shown("Sergueï Lavrov", 3, true, List.of("a", "b"), new Inner("x", 7), null, Map.of("a", 1));
        t.process(Map.of("s", s, "g", new WithGetter("component"), "h", new Hidden("kept")), out);
        return out.toString();
    }

    @Test
    void templatesSeeWhatFreeMarkersOwnWrapperShows() throws IOException, TemplateException {
        String generic = render(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        assertEquals(generic, render(new ViewWrapper()));
        assertEquals(true, generic.contains("component component | unreadable"), generic);
    }

    @Test
    void aPublicRecordGetsTheQuickModelAndAHiddenOneTheGenericOne() throws Exception {
        ViewWrapper wrapper = new ViewWrapper();
        assertInstanceOf(ViewWrapper.RecordModel.class, wrapper.wrap(new Inner("x", 1)));
        assertEquals(freemarker.ext.beans.GenericObjectModel.class, wrapper.wrap(new Hidden("y")).getClass());
    }
}
