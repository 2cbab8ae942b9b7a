package io.github.orysession.example.security;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The backing bean of {@code admin.xhtml}: a page any signed-in caller may open (web.xml), whose content comes from
 * {@link AdminReport}, an enterprise bean only administrators may call. Everyone else gets {@code 403}.
 */
@Named("adminPage")
@RequestScoped
public class AdminPage {

    @EJB
    AdminReport report;

    private String summary;

    /**
     * Runs before the page renders ({@code f:viewAction}): asks the enterprise bean, or answers {@code 403}.
     *
     * @throws IOException when the client went away
     */
    public void load() throws IOException {
        try {
            summary = report.summary();
        } catch (EJBAccessException notAnAdministrator) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(403, "Only administrators may open this page");
            faces.responseComplete();
        }
    }

    /** @return what the enterprise bean said */
    public String getSummary() {
        return summary;
    }
}
