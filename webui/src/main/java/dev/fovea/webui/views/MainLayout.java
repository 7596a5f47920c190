package dev.fovea.webui.views;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The dashboard frame: a title bar and the navigation between views. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("Fovea");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        addToNavbar(new DrawerToggle(), title);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Attention", AttentionView.class));
        nav.addItem(new SideNavItem("Models", ModelsView.class));
        addToDrawer(nav);
    }
}
